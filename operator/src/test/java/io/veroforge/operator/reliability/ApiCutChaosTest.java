package io.veroforge.operator.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * The Kubernetes API cut for 20 s in the middle of a burst of 20 Tenants (the default suite's
 * version; {@code -Dchaos.full=true} cuts it for 60 s under 100 Tenants, as {@code ApiCutChaos.main} can;
 * {@code -Dchaos.api-fault=stall} holds the connections silent instead).
 */
class ApiCutChaosTest {

    @Test
    void theOperatorOutlivesAnUnreachableApiWithoutSpinningAndCatchesUpOnWhatWasAppliedMeanwhile() throws Exception {
        boolean full = Boolean.getBoolean("chaos.full");
        int tenants = full ? 100 : 20;
        Duration cut = Duration.ofSeconds(full ? 60 : 20);
        // -Dchaos.api-fault=stall: connections held open and silent instead of refused (not in the default suite)
        FaultProxy.Fault fault = FaultProxy.Fault.fromProperty("chaos.api-fault");
        ApiCutChaos.Outcome outcome = ApiCutChaos.run(fault, tenants, cut, Duration.ofMinutes(full ? 10 : 2));
        System.out.println("api " + fault + " (" + tenants + " tenants): " + outcome.verdict());

        // informers caught up: the half applied while the operator could not see the API is Ready too
        assertThat(outcome.census().clean()).as(outcome.verdict()).isTrue();
        assertThat(outcome.duringCut().alive()).as("no exit").isTrue();
        assertThat(outcome.duringCut().livenessFailures()).as("liveness probes failed during the cut: a kubelet would restart it").isZero();
        // nothing to reconcile against an API it cannot reach: at most the backoff's attempts each
        assertThat(outcome.duringCut().maxAttempts()).as(outcome.verdict()).isLessThanOrEqualTo(OutageFigures.backoffBound(cut));
        if (fault == FaultProxy.Fault.CUT) {
            assertThat(outcome.reconnects()).as("the operator came back through the restored port").isPositive();
        }
        // a dropped API call is an outage reported on its condition, not a bug (QOSDK drops handleExceptionsInReconciler)
        assertThat(outcome.internalErrors()).as("veroforge_internal_errors_total: " + outcome.verdict()).isZero();
    }
}
