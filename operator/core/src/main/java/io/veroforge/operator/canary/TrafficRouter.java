package io.veroforge.operator.canary;

import java.util.List;

import io.veroforge.api.v1alpha1.Canary;

/**
 * Splits traffic between the stable and the canary revision. One implementation per
 * {@code spec.router.type} ({@link ReplicaRouter}, {@link GatewayApiRouter}); an Istio or NGINX
 * router is one more class and one more constant of {@code CanaryRouterType}. Implementations are
 * idempotent: routing to the weight already in place writes nothing.
 */
interface TrafficRouter {

    /**
     * Sends {@code weight} percent (0-100) to the canaries.
     *
     * @param totalReplicas the stable Deployments' replicas before the rollout began (status.totalReplicas)
     */
    void route(Canary canary, List<RevisionPair> pairs, int weight, int totalReplicas);
}
