package io.veroforge.operator.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * PostgreSQL cut for 18 s in the middle of a burst of 30 Tenants (the default suite's version;
 * {@code -Dchaos.full=true} runs 200 Tenants and a 60 s cut, as {@code PostgresCutChaos.main} can).
 */
class PostgresCutChaosTest {

    @Test
    void tenantsSayTheDatabaseIsUnavailableWhileItIsCutBackOffAndAllBecomeReadyOnceAfterIt() throws Exception {
        boolean full = Boolean.getBoolean("chaos.full");
        int tenants = full ? 200 : 30;
        PostgresCutChaos.Outcome outcome = PostgresCutChaos.run(tenants, Duration.ofSeconds(full ? 60 : 18), Duration.ofMinutes(full ? 10 : 2));
        System.out.println("postgres cut (" + tenants + " tenants): " + outcome.verdict());

        assertThat(outcome.census().clean()).as(outcome.verdict()).isTrue();
        // while cut, nothing is Ready for another reason than the outage, and it says so
        assertThat(outcome.reasonsWhileCut().keySet()).as(outcome.verdict()).isSubsetOf("Ready", "DatabaseUnavailable");
        assertThat(outcome.reasonsWhileCut().get("DatabaseUnavailable")).as("the half applied during the cut, at least")
                .isGreaterThanOrEqualTo(tenants / 2);
        assertThat(outcome.sampleMessage()).contains("database unavailable").contains("retrying with backoff");
        // no crash, no restart a kubelet would do, no hot loop
        assertThat(outcome.duringCut().alive()).isTrue();
        assertThat(outcome.duringCut().livenessFailures()).as("liveness probes failed during the cut").isZero();
        assertThat(outcome.duringCut().maxAttempts()).as(outcome.verdict()).isBetween(1, outcome.attemptBound());
    }
}
