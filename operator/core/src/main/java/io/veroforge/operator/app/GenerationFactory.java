package io.veroforge.operator.app;

import java.util.Map;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.veroforge.api.v1alpha1.AppSpec;
import io.veroforge.api.v1alpha1.AppSpecReference;
import io.veroforge.api.v1alpha1.Generation;
import io.veroforge.api.v1alpha1.GenerationSpec;

/**
 * Builds the immutable Generation recording one snapshot of an AppSpec: labelled with the app,
 * owned (controller) by the AppSpec so that deleting the app deletes its history.
 */
final class GenerationFactory {

    Generation build(AppSpec appSpec, String name, ModelSnapshot snapshot) {
        Generation generation = new Generation();
        generation.setMetadata(new ObjectMetaBuilder()
                .withName(name)
                .withNamespace(appSpec.getMetadata().getNamespace())
                .withLabels(Map.of(Generation.APPSPEC_LABEL, appSpec.getMetadata().getName()))
                .withOwnerReferences(new OwnerReferenceBuilder()
                        .withApiVersion(appSpec.getApiVersion())
                        .withKind(appSpec.getKind())
                        .withName(appSpec.getMetadata().getName())
                        .withUid(appSpec.getMetadata().getUid())
                        .withController(true)
                        .withBlockOwnerDeletion(true)
                        .build())
                .build());
        GenerationSpec spec = new GenerationSpec();
        spec.setAppSpec(new AppSpecReference(appSpec.getMetadata().getName(), appSpec.getMetadata().getGeneration()));
        spec.setContentHash(snapshot.contentHash());
        spec.setTemplatePack(snapshot.templatePack());
        spec.setCompressedModel(snapshot.compressed());
        spec.setEntities(snapshot.entities());
        spec.setApprovalPolicy(appSpec.getSpec().getApproval() == null ? null : appSpec.getSpec().getApproval().getPolicy());
        generation.setSpec(spec);
        return generation;
    }
}
