package io.veroforge.operator.canary;

import java.util.List;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.veroforge.api.v1alpha1.Canary;
import io.veroforge.api.v1alpha1.CanaryStatus;

/**
 * Makes the cluster match a move: the router's weight for the (new) step, 0 after a rollback, and
 * after the last step the swap that makes the canary stable. Also run for "nothing to do", so a
 * crash between routing and the status write, or a hand edit of the replicas, is put right.
 */
final class RolloutActions {
    private final TrafficRouters routers;
    private final RevisionSwap swap;

    RolloutActions(KubernetesClient client) {
        this.routers = new TrafficRouters(client);
        this.swap = new RevisionSwap(client);
    }

    void carryOut(Canary canary, List<RevisionPair> pairs, CanaryStatus status, Move move) {
        TrafficRouter router = routers.of(canary.getSpec().getRouter().getType());
        int total = status.getTotalReplicas();
        if (move instanceof Move.Advance a) {
            router.route(canary, pairs, a.weight(), total);
        } else if (move instanceof Move.Rollback) {
            router.route(canary, pairs, 0, total);
        } else if (move instanceof Move.Complete) {
            pairs.forEach(swap::canaryBecomesStable);
            router.route(canary, pairs, 0, total);
        } else {
            router.route(canary, pairs, status.getCurrentWeight(), total);
        }
    }
}
