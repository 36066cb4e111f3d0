package io.veroforge.operator.canary;

import java.util.List;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.veroforge.api.v1alpha1.Canary;

/**
 * {@code replicas}: no mesh, so the canary's share of the pods approximates the weight (as Argo
 * Rollouts' basic canary does): canary = round(total × weight / 100), at least one pod while the
 * weight is above zero, and the stable keeps the rest but at least one pod until the weight is 100
 * (with one replica, 50% is one pod each).
 */
final class ReplicaRouter implements TrafficRouter {
    private final Scaler scaler;

    ReplicaRouter(KubernetesClient client) {
        this.scaler = new Scaler(client);
    }

    @Override
    public void route(Canary canary, List<RevisionPair> pairs, int weight, int totalReplicas) {
        int canaryReplicas = canaryReplicas(weight, totalReplicas);
        for (RevisionPair pair : pairs) {
            scaler.scale(pair.canary(), canaryReplicas);
            scaler.scale(pair.stable(), stableReplicas(weight, totalReplicas, canaryReplicas));
        }
    }

    static int canaryReplicas(int weight, int total) {
        if (weight <= 0) {
            return 0;
        }
        if (weight >= 100) {
            return total;
        }
        return Math.max(1, Math.min(total, (int) Math.round(total * weight / 100.0)));
    }

    static int stableReplicas(int weight, int total, int canary) {
        return weight >= 100 ? 0 : Math.max(1, total - canary);
    }
}
