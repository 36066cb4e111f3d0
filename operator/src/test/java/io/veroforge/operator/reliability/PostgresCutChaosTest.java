package io.veroforge.operator.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * PostgreSQL cut for 18 s in the middle of a burst of 30 Tenants (the default suite's version;
 * {@code -Dchaos.full=true} runs 200 Tenants and a 60 s cut, as {@code PostgresCutChaos.main} can;
 * {@code -Dchaos.db-fault=stall} holds the connections silent instead).
 */
class PostgresCutChaosTest {

    @Test
    void tenantsSayTheDatabaseIsUnavailableWhileItIsCutBackOffAndAllBecomeReadyOnceAfterIt() throws Exception {
        boolean full = Boolean.getBoolean("chaos.full");
        int tenants = full ? 200 : 30;
        // -Dchaos.db-fault=stall: connections held open and silent instead of refused (not in the default suite)
        FaultProxy.Fault fault = FaultProxy.Fault.fromProperty("chaos.db-fault");
        PostgresCutChaos.Outcome outcome = PostgresCutChaos.run(fault, tenants, Duration.ofSeconds(full ? 60 : 18), Duration.ofMinutes(full ? 10 : 2));
        System.out.println("postgres " + fault + " (" + tenants + " tenants): " + outcome.verdict());

        assertThat(outcome.census().clean()).as(outcome.verdict()).isTrue();
        // while cut, nothing is Ready for another reason than the outage, and it says so
        // (a stall may still hold a first attempt: no status yet, until its socket timeout)
        String[] allowed = fault == FaultProxy.Fault.CUT ? new String[] {"Ready", "DatabaseUnavailable"} : new String[] {"Ready", "DatabaseUnavailable", "none"};
        assertThat(outcome.reasonsWhileCut().keySet()).as(outcome.verdict()).isSubsetOf(allowed);
        assertThat(outcome.reasonsWhileCut().get("DatabaseUnavailable")).as("the half applied during the cut, at least")
                .isGreaterThanOrEqualTo(tenants / 2);
        assertThat(outcome.sampleMessage()).contains("database unavailable").contains("retrying with backoff");
        // no crash, no restart a kubelet would do, no hot loop
        assertThat(outcome.duringCut().alive()).isTrue();
        assertThat(outcome.duringCut().livenessFailures()).as("liveness probes failed during the cut").isZero();
        assertThat(outcome.duringCut().maxAttempts()).as(outcome.verdict()).isBetween(1, outcome.attemptBound());
    }
}
