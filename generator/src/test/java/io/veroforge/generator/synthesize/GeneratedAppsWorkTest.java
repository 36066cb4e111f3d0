package io.veroforge.generator.synthesize;

import static org.assertj.core.api.Assertions.assertThat;

import io.veroforge.generator.Fixtures;
import io.veroforge.generator.proof.AppProof;
import io.veroforge.generator.resolve.Resolution;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proof that generated apps work: for apps of three verticals, parts-depot (patterns, ranges, formats, unique values, card data by
 * name, declared ontology entities, snake_case names) and maple-academy (many-to-many, schedules,
 * mail, GDPR), generate into
 * {@code target/generated-apps/<name>}, then with real npm, tsc and PostgreSQL ({@link AppProof}):
 * link the shared install of each project, prisma generate, type-check API, UI and mobile, apply the
 * migrations to a fresh database as a non-superuser role, run the app's own e2e tests (CRUD, roles,
 * tenant isolation, compliance) and build the UI. A failing step fails with the tail of the step's own output.
 *
 * <p>Needs node/npm and PostgreSQL on 127.0.0.1:5432 (trust, user postgres). Skip with
 * {@code -DskipApps}. All apps pin identical versions, so one npm install per project kind serves all
 * of them (and the fuzzed and vertical apps too).
 */
@Tag("generated-apps")
@DisabledIfSystemProperty(named = "skipApps", matches = ".*")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedAppsWorkTest {

    private final AppProof proof = AppProof.standard();
    private final List<String> summaries = new ArrayList<>();

    @AfterAll
    void printTimings() {
        System.out.println("\ngenerated apps, seconds per step:\n  " + String.join("\n  ", summaries));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"pest-control-sparse.yaml", "clinic.yaml", "retail-store.yaml", "parts-depot.yaml", "academy-links.yaml"})
    void generatedAppInstallsTypeChecksPassesItsTestsAndBuilds(String spec) throws Exception {
        Resolution resolution = Fixtures.resolveResource(spec);
        assertThat(resolution.errors()).as("the spec resolves").isEmpty();
        GeneratedRepository repo = new Synthesizer().synthesize(resolution.model());
        AppProof.Report report = proof.prove(resolution.model().name(), repo);
        summaries.add(report.summary());
        assertThat(report.passed()).as(report.summary() + "\n" + report.failure()).isTrue();
    }
}
