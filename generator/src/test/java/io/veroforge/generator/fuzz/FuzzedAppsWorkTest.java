package io.veroforge.generator.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.veroforge.generator.proof.AppProof;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fuzzer's CI seeds: each fuzzed spec is refused with a path and a fix, or gives an app that
 * installs (shared installs), type-checks api, ui and mobile, migrates as a non-superuser role, passes
 * its own e2e tests (tenant isolation included) and builds. The seeds run with every feature unless
 * {@code -Dfuzz.features} (a list, see {@link FuzzFeature#parse}) says otherwise; the N-seed run is
 * {@code -Pfuzz} ({@link FuzzBenchmark}). Seeds chosen (with every feature) so that together they
 * generate every kind of e2e suite: 2 is refused (each error must name its path and a fix), 3 compliance, mail
 * and schedules, 6 a one-digit PHI money sample (its at-rest check failed by chance before it opened the
 * ciphertext with the key), 19 GDPR, mail, links, schedules and gaps, 47 compliance, GDPR, links,
 * schedules and gaps. They share one install per project kind with every other proof app.
 */
@Tag("generated-apps")
@DisabledIfSystemProperty(named = "skipApps", matches = ".*")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FuzzedAppsWorkTest {

    private final FuzzCase fuzzCase = new FuzzCase(AppProof.standard());
    private final Set<FuzzFeature> features = FuzzFeature.parse(System.getProperty("fuzz.features", "all"));
    private final List<String> summaries = new ArrayList<>();

    @AfterAll
    void printSummaries() {
        System.out.println("\nfuzzed apps, seconds per step:\n  " + String.join("\n  ", summaries));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {2, 3, 6, 19, 47})
    void fuzzedSpecIsRefusedWithAFixOrGivesAWorkingApp(long seed) throws Exception {
        FuzzCase.Outcome outcome = fuzzCase.run(seed, features);
        summaries.add(outcome.refused() ? "seed " + seed + " refused" : outcome.report().summary());
        assertThat(outcome.holds()).as(outcome.describe()).isTrue();
    }
}
