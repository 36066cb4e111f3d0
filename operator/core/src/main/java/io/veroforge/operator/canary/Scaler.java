package io.veroforge.operator.canary;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;

/** Sets a Deployment's replicas, writing only when they differ (no new rollout for nothing). */
final class Scaler {
    private final KubernetesClient client;

    Scaler(KubernetesClient client) {
        this.client = client;
    }

    void scale(Deployment deployment, int replicas) {
        if (RevisionPair.replicas(deployment) == replicas) {
            return;
        }
        client.apps().deployments().inNamespace(deployment.getMetadata().getNamespace()).withName(deployment.getMetadata().getName())
                .edit(d -> {
                    d.getSpec().setReplicas(replicas);
                    return d;
                });
        deployment.getSpec().setReplicas(replicas);
    }
}
