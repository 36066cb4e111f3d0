package io.veroforge.generator.outsider;

import static org.assertj.core.api.Assertions.assertThat;

import io.veroforge.generator.GenerationPipeline;
import io.veroforge.generator.GenerationResult;
import io.veroforge.generator.model.Problem;
import io.veroforge.generator.proof.AppProof;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * AppSpecs written the way people outside the team write them ({@code src/test/resources/outsider-specs/}, each
 * file says what it probes): every one is refused with a path and a fix for each error, or generates an app with
 * no critical scan finding (all of them, on every run: it costs no npm); and an accepted one proves with
 * {@link AppProof} (installs, type-checks, lints, migrates as a non-superuser role, passes its e2e tests, builds).
 *
 * <p>The default suite proves only {@link #DEFAULT_PROOFS}, the two whose apps hit the most of the failure classes
 * these specs found (the others were refusals, which the validate test covers; they share their installs with every
 * other proof app);
 * {@code -Doutsider.specs=all} proves all, or a comma-separated list of file names some.
 */
@Tag("generated-apps")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutsiderSpecsWorkTest {

    private static final Path SPECS = Path.of("src/test/resources/outsider-specs");
    /** The specs that must be refused (a refusal is right only when the spec asks for what cannot work), and the path each names. */
    private static final Map<String, String> REFUSED = Map.of(
            "org-chart.yaml", "entities[0].relations[0]",
            "lab-precision.yaml", "entities[0].fields[0].min",
            "tutoring-center.yaml", "entities[1].relations[1].name");
    /**
     * reserved-globals: entities named like TypeScript globals (the aliased model type) and fields named like list
     * query parameters; dental-clinic: PHI of six types including json, workflows two relations deep, own rows.
     */
    private static final String DEFAULT_PROOFS = "reserved-globals.yaml,dental-clinic.yaml";

    private final GenerationPipeline pipeline = new GenerationPipeline();
    private final List<String> summaries = new ArrayList<>();

    @AfterAll
    void printSummaries() {
        if (!summaries.isEmpty()) {
            System.out.println("\noutsider specs, seconds per step:\n  " + String.join("\n  ", summaries));
        }
    }

    static List<String> allSpecs() throws IOException {
        try (Stream<Path> files = Files.list(SPECS)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList();
        }
    }

    static List<String> provedSpecs() throws IOException {
        String chosen = System.getProperty("outsider.specs", DEFAULT_PROOFS).trim();
        List<String> all = allSpecs();
        List<String> named = chosen.equals("all") ? all : List.of(chosen.split("\\s*,\\s*"));
        List<String> unknown = named.stream().filter(n -> !all.contains(n)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("-Doutsider.specs names " + unknown + ", not among " + all + " (or 'all')");
        }
        return named.stream().filter(n -> !REFUSED.containsKey(n)).toList();
    }

    private GenerationResult generate(String spec) throws IOException {
        return pipeline.generate(Files.readString(SPECS.resolve(spec), StandardCharsets.UTF_8), spec);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allSpecs")
    void outsiderSpecIsRefusedWithAFixOrGenerates(String spec) throws IOException {
        GenerationResult result = generate(spec);
        if (REFUSED.containsKey(spec)) {
            assertThat(result.outcome()).as("%s asks for something that cannot work", spec).isEqualTo(GenerationResult.Outcome.INVALID_SPEC);
            assertThat(result.errors()).as("every error of %s names its path and a fix", spec)
                    .allSatisfy(p -> assertThat(p.path()).isNotBlank())
                    .allSatisfy(p -> assertThat(p.fix()).isNotBlank())
                    .anySatisfy(p -> assertThat(p.path()).startsWith(REFUSED.get(spec)));
            return;
        }
        assertThat(result.errors()).as("%s is accepted:\n%s", spec, describe(result.errors())).isEmpty();
        assertThat(result.outcome()).as("%s: %s", spec, result.scanReport() == null ? "" : result.scanReport().summary())
                .isEqualTo(GenerationResult.Outcome.GENERATED);
        assertThat(result.repository().files()).containsKeys("db/migrations/V001__schema.sql", "api/prisma/schema.prisma");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("provedSpecs")
    @DisabledIfSystemProperty(named = "skipApps", matches = ".*")
    void acceptedOutsiderSpecGivesAWorkingApp(String spec) throws Exception {
        GenerationResult result = generate(spec);
        assertThat(result.errors()).as("%s is accepted", spec).isEmpty();
        String name = "outsider-" + spec.replace(".yaml", "");
        AppProof.Report report = AppProof.standard().prove(name, result.repository());
        summaries.add(report.summary());
        assertThat(report.passed()).as(report.summary() + "\n" + report.failure()).isTrue();
    }

    static String describe(List<Problem> problems) {
        return String.join("\n", problems.stream().map(Problem::toString).toList());
    }
}
