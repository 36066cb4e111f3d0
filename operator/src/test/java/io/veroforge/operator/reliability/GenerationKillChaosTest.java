package io.veroforge.operator.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * The short version of the Generation chaos scenario: 6 AppSpecs across 3 Tenants, 2 of them on a
 * customer's Git remote, each generated twice; 3 SIGKILLs, the last with that remote cut across
 * the restart. {@code -Dchaos.full=true} runs the full one (50 AppSpecs across 10 Tenants, 10
 * SIGKILLs), as {@code GenerationKillChaos.main} does; docs/reliability.md. It found apps of a
 * fresh database failing their first migration at once (now serialized by {@code SharedRowLock}),
 * and a kill mid-publish leaving {@code main.lock} behind (now removed once stale: {@code StaleLocks}).
 */
class GenerationKillChaosTest {

    @Test
    void generationsRunThroughRepeatedSigkillsAndARemoteOutageEndSucceededWithEverythingWrittenOnce() throws Exception {
        boolean full = Boolean.getBoolean("chaos.full");
        int apps = full ? 50 : 6;
        int kills = full ? 10 : 3;
        GenerationKillChaos.Outcome outcome = GenerationKillChaos.run(new GenerationKillChaos.Settings(apps, full ? 10 : 3, kills,
                Long.getLong("chaos.seed", 5L), 3, true, Duration.ofMinutes(full ? 10 : 2)));
        System.out.println("generation chaos (" + (full ? "full" : "short") + "): " + outcome.verdict());

        assertThat(outcome.census().clean()).as(outcome.verdict()).isTrue();
        assertThat(outcome.census().succeeded()).as("two Generations per app").isEqualTo(2 * apps);
        assertThat(outcome.kills()).hasSize(kills);
        assertThat(outcome.remoteDown()).as("the remote was cut across a restart").isNotNull();
    }
}
