package io.veroforge.operator.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The short version of the Tenant chaos scenario (40 Tenants, 4 SIGKILLs). Not in the default suite
 * yet: it fails about one run in three (docs/reliability.md, "Open: Tenants left at DatabaseError"),
 * and CI must not be red on a known bug. Run it with {@code -Dchaos=true}.
 */
@EnabledIfSystemProperty(named = "chaos", matches = "true")
class TenantKillChaosTest {

    @Test
    void tenantsProvisionedThroughRepeatedSigkillsEndReadyOnceEachWithWorkingCredentials() throws Exception {
        TenantKillChaos.Outcome outcome = TenantKillChaos.run(40, 4, Long.getLong("chaos.seed", 7L), Duration.ofMinutes(3));
        System.out.println("tenant chaos (short): " + outcome.verdict());

        assertThat(outcome.census().clean()).as(outcome.verdict()).isTrue();
        assertThat(outcome.census().loginRoles()).isEqualTo(40);
    }
}
