package io.veroforge.operator.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.veroforge.api.v1alpha1.AppSpec;
import io.veroforge.api.v1alpha1.AppSpecReference;
import io.veroforge.api.v1alpha1.Generation;
import io.veroforge.api.v1alpha1.GenerationSpec;
import io.veroforge.generator.GenerationPipeline;
import io.veroforge.generator.GenerationResult;

/** The pest-control example generated once, and the AppSpec and Generation it belongs to. */
final class DeliveryFixtures {
    static final String APP = "pest-control";
    static final String TENANT = "acme";
    static final String SHA = "0123456789abcdef0123456789abcdef01234567";
    private static final Path REPO = Path.of(System.getProperty("vf.repo.root", "../..")).toAbsolutePath().normalize();
    private static SortedMap<String, String> files;

    private DeliveryFixtures() {
    }

    /** The generated repository of crds/examples/appspec-pest-control.yaml. */
    static synchronized SortedMap<String, String> pestControlFiles() {
        if (files == null) {
            try {
                GenerationResult result = new GenerationPipeline().generate(REPO.resolve("crds/examples/appspec-pest-control.yaml"));
                files = result.repository().files();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    static AppSpec appSpec(String namespace) {
        AppSpec app = new AppSpec();
        app.setMetadata(new ObjectMetaBuilder().withName(APP).withNamespace(namespace)
                .withUid("11111111-2222-3333-4444-555555555555").build());
        return app;
    }

    static Generation generation(String namespace, int n) {
        Generation generation = new Generation();
        generation.setMetadata(new ObjectMetaBuilder().withName(APP + "-" + n).withNamespace(namespace)
                .withUid("66666666-7777-8888-9999-00000000000" + n)
                .withLabels(Map.of(Generation.APPSPEC_LABEL, APP)).build());
        GenerationSpec spec = new GenerationSpec();
        AppSpecReference ref = new AppSpecReference();
        ref.setName(APP);
        spec.setAppSpec(ref);
        generation.setSpec(spec);
        return generation;
    }
}
