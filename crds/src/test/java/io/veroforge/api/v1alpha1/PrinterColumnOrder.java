package io.veroforge.api.v1alpha1;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crdv2.generator.CRDPostProcessor;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;

/**
 * Puts printer columns in the order the kind declares them. The Fabric8 generator sorts them by
 * JSON path, which would make {@code kubectl get} show Age first and Reason before Ready.
 */
final class PrinterColumnOrder implements CRDPostProcessor {

    @Override
    public HasMetadata process(HasMetadata crd, String crdSpecVersion) {
        if (crd instanceof CustomResourceDefinition definition) {
            String kindName = definition.getSpec().getNames().getKind();
            List<String> declared = CrdManifests.KINDS.stream()
                    .filter(kind -> kind.getSimpleName().equals(kindName))
                    .flatMap(kind -> Arrays.stream(kind.getAnnotationsByType(AdditionalPrinterColumn.class)))
                    .map(AdditionalPrinterColumn::name)
                    .toList();
            definition.getSpec().getVersions().forEach(version -> {
                List<CustomResourceColumnDefinition> columns = version.getAdditionalPrinterColumns();
                if (columns != null) {
                    columns.sort(Comparator.comparingInt(column -> position(declared, column.getName())));
                }
            });
        }
        return crd;
    }

    private static int position(List<String> declared, String name) {
        int index = declared.indexOf(name);
        return index < 0 ? Integer.MAX_VALUE : index;
    }
}
