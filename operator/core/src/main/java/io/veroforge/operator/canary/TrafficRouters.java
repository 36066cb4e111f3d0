package io.veroforge.operator.canary;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.veroforge.api.v1alpha1.CanaryRouterType;

/** The router of each {@code spec.router.type}. */
final class TrafficRouters {
    private final ReplicaRouter replicas;
    private final GatewayApiRouter gatewayApi;

    TrafficRouters(KubernetesClient client) {
        this.replicas = new ReplicaRouter(client);
        this.gatewayApi = new GatewayApiRouter(client);
    }

    TrafficRouter of(CanaryRouterType type) {
        return switch (type == null ? CanaryRouterType.replicas : type) {
            case replicas -> replicas;
            case gatewayApi -> gatewayApi;
        };
    }
}
