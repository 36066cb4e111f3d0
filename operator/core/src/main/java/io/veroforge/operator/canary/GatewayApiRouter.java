package io.veroforge.operator.canary;

import java.util.ArrayList;
import java.util.List;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRefBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.veroforge.api.v1alpha1.Canary;
import io.veroforge.api.v1alpha1.CanaryRouter;

/**
 * {@code gatewayApi}: the weights of the first rule's {@code backendRefs} of an existing HTTPRoute
 * ({@code spec.router.httpRoute}) become stable {@code 100 - weight} and canary {@code weight}; other
 * rules and backendRefs of other Services are left as they are. The canary runs as many pods as the
 * stable while it gets traffic (the split is the gateway's, not the pods'), none at weight 0.
 */
final class GatewayApiRouter implements TrafficRouter {
    private final KubernetesClient client;
    private final Scaler scaler;

    GatewayApiRouter(KubernetesClient client) {
        this.client = client;
        this.scaler = new Scaler(client);
    }

    @Override
    public void route(Canary canary, List<RevisionPair> pairs, int weight, int totalReplicas) {
        for (RevisionPair pair : pairs) {
            scaler.scale(pair.stable(), totalReplicas);
            if (weight > 0) {
                scaler.scale(pair.canary(), totalReplicas);
            }
        }
        CanaryRouter router = canary.getSpec().getRouter();
        String namespace = canary.getMetadata().getNamespace();
        var resource = client.resources(HTTPRoute.class).inNamespace(namespace).withName(router.getHttpRoute());
        HTTPRoute route = resource.get();
        if (route == null || route.getSpec() == null || route.getSpec().getRules() == null || route.getSpec().getRules().isEmpty()) {
            throw new RouterException("spec.router.httpRoute: HTTPRoute " + router.getHttpRoute() + " not found in " + namespace
                    + " or it has no rules; create it with a rule whose backendRefs the Canary can weight");
        }
        List<HTTPBackendRef> desired = desiredBackends(route.getSpec().getRules().get(0), router, weight);
        if (!desired.equals(route.getSpec().getRules().get(0).getBackendRefs())) {
            resource.edit(r -> {
                r.getSpec().getRules().get(0).setBackendRefs(desired);
                return r;
            });
        }
        if (weight == 0) {
            pairs.forEach(pair -> scaler.scale(pair.canary(), 0));
        }
    }

    private static List<HTTPBackendRef> desiredBackends(HTTPRouteRule rule, CanaryRouter router, int weight) {
        List<HTTPBackendRef> backends = new ArrayList<>();
        for (HTTPBackendRef ref : rule.getBackendRefs() == null ? List.<HTTPBackendRef>of() : rule.getBackendRefs()) {
            if (!router.getStableService().equals(ref.getName()) && !router.getCanaryService().equals(ref.getName())) {
                backends.add(ref);
            }
        }
        Integer port = rule.getBackendRefs() == null ? null : rule.getBackendRefs().stream()
                .filter(r -> router.getStableService().equals(r.getName())).map(HTTPBackendRef::getPort).findFirst().orElse(null);
        backends.add(new HTTPBackendRefBuilder().withName(router.getStableService()).withPort(port).withWeight(100 - weight).build());
        backends.add(new HTTPBackendRefBuilder().withName(router.getCanaryService()).withPort(port).withWeight(weight).build());
        return backends;
    }
}
