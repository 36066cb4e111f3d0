package io.veroforge.generator.synthesize;

import static io.veroforge.generator.Fixtures.manifest;
import static io.veroforge.generator.Fixtures.resolveYaml;
import static org.assertj.core.api.Assertions.assertThat;

import io.veroforge.generator.proof.AppProof;
import io.veroforge.generator.resolve.Resolution;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The verticals added for issue 10 (class 13), each from its sparse spec ({@code vertical: <id>} and
 * nothing else, so every term, role and workflow comes from the ontology): the generated app installs
 * (shared installs), type-checks, migrates as a non-superuser role, passes its own e2e tests and builds.
 * The first ten verticals are proved the same way by {@link GeneratedAppsWorkTest}'s specs.
 *
 * <p>The default suite proves three of the ten (the largest model, and the two with personal and
 * card-data markers): they share every template with the rest, and each proof costs about 40 s of
 * the suite's 30-minute budget. {@code -Dproof.verticals=all} proves all ten (run before a change to
 * the ontology's verticals lands; figures in docs/benchmarks.md), or a comma-separated list names
 * some. That every vertical resolves and synthesizes is checked for all of them on every run by
 * {@code VerticalsAndDeterminismTest}.
 */
@Tag("generated-apps")
@DisabledIfSystemProperty(named = "skipApps", matches = ".*")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VerticalAppsWorkTest {

    private final AppProof proof = AppProof.standard();
    private final List<String> summaries = new ArrayList<>();

    @AfterAll
    void printSummaries() {
        System.out.println("\nvertical apps, seconds per step:\n  " + String.join("\n  ", summaries));
    }

    private static final List<String> ALL = List.of("hotel", "construction", "salon", "veterinary", "accounting", "nonprofit",
            "event-management", "manufacturing", "insurance-brokerage", "auto-repair");
    private static final String DEFAULT = "construction,event-management,insurance-brokerage";

    static List<String> verticals() {
        String chosen = System.getProperty("proof.verticals", DEFAULT).trim();
        if (chosen.equals("all")) {
            return ALL;
        }
        List<String> named = List.of(chosen.split("\\s*,\\s*"));
        List<String> unknown = named.stream().filter(v -> !ALL.contains(v)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("-Dproof.verticals names " + unknown + ", not among " + ALL + " (or 'all')");
        }
        return named;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("verticals")
    void sparseSpecOfTheVerticalGivesAWorkingApp(String vertical) throws Exception {
        Resolution resolution = resolveYaml(manifest("vertical: " + vertical + "\n").replace("name: test", "name: vertical-" + vertical));
        assertThat(resolution.errors()).as("the sparse %s spec resolves", vertical).isEmpty();
        assertThat(resolution.model().entities()).as("entities from the ontology").hasSizeGreaterThanOrEqualTo(6);
        AppProof.Report report = proof.prove("vertical-" + vertical, new Synthesizer().synthesize(resolution.model()));
        summaries.add(report.summary());
        assertThat(report.passed()).as(report.summary() + "\n" + report.failure()).isTrue();
    }
}
