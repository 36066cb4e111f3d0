package io.veroforge.operator.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * The short version of the hostile-input scenario (issue 15 §4; the full one is
 * {@code HostileInputVolume.main}, docs/reliability.md): every kind of hostile Tenant and AppSpec at
 * least once, four valid Tenants alongside, a 20 s quiet window.
 */
class HostileInputVolumeTest {

    @Test
    void hostileObjectsAreRefusedNamingTheFieldOrReportedAndNothingLoopsLeaksOrSplicesSql() throws Exception {
        HostileInputVolume.Outcome outcome = HostileInputVolume.run(80, 4, Long.getLong("hostile.seed", 1L), Duration.ofMinutes(3),
                Duration.ofSeconds(20));
        System.out.println("hostile input (short): " + outcome.verdict());

        assertThat(outcome.answers()).as(outcome.verdict()).containsKeys(HostileInputVolume.Answer.ACCEPTED,
                HostileInputVolume.Answer.REFUSED_NAMING_FIELD);
        assertThat(outcome.statements().statements()).as("statements seen in the server's log").isPositive();
        assertThat(outcome.reconcilesTotal()).as("reconciliations are counted, so a hot loop would show").isPositive();
        assertThat(outcome.clean()).as(outcome.verdict()).isTrue();
    }
}
