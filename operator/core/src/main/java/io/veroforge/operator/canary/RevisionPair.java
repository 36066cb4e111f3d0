package io.veroforge.operator.canary;

import java.util.Map;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.veroforge.operator.delivery.DeliveryLabels;

/** A stable Deployment and the canary Deployment beside it ({@code shop-api}, {@code shop-api-canary}). */
record RevisionPair(Deployment stable, Deployment canary) {

    String stableName() {
        return stable.getMetadata().getName();
    }

    String canaryName() {
        return canary.getMetadata().getName();
    }

    int stableReplicas() {
        return replicas(stable);
    }

    static int replicas(Deployment d) {
        return d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
    }

    /** The revision label, else the Generation label, else the Deployment's name and generation. */
    static String revisionOf(Deployment d) {
        Map<String, String> labels = d.getMetadata().getLabels() == null ? Map.of() : d.getMetadata().getLabels();
        if (labels.get(DeliveryLabels.REVISION) != null) {
            return labels.get(DeliveryLabels.REVISION);
        }
        if (labels.get(DeliveryLabels.GENERATION) != null) {
            return labels.get(DeliveryLabels.GENERATION);
        }
        return d.getMetadata().getName() + "-" + (d.getMetadata().getGeneration() == null ? 1 : d.getMetadata().getGeneration());
    }
}
