package io.veroforge.operator.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * The short version of the Tenant chaos scenario (40 Tenants, 4 SIGKILLs; the full one is
 * {@code TenantKillChaos.main}, docs/reliability.md). It found Tenants left at
 * {@code tuple concurrently updated} (now serialized by {@code SharedRowLock}).
 */
class TenantKillChaosTest {

    @Test
    void tenantsProvisionedThroughRepeatedSigkillsEndReadyOnceEachWithWorkingCredentials() throws Exception {
        TenantKillChaos.Outcome outcome = TenantKillChaos.run(40, 4, Long.getLong("chaos.seed", 7L), Duration.ofMinutes(3));
        System.out.println("tenant chaos (short): " + outcome.verdict());

        assertThat(outcome.census().clean()).as(outcome.verdict()).isTrue();
        assertThat(outcome.census().loginRoles()).isEqualTo(40);
    }
}
