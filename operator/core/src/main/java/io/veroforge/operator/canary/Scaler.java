package io.veroforge.operator.canary;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;

/**
 * Sets a Deployment's replicas, writing only when they differ (no new rollout for nothing). A merge
 * patch of the one field, without resourceVersion: the Deployment controller updating status at the
 * same moment is no conflict, and the replicas are ours to set.
 */
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
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"replicas\":" + replicas + "}}");
        deployment.getSpec().setReplicas(replicas);
    }
}
