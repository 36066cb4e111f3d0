package io.veroforge.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.veroforge.generator.GenerationResult.Outcome;
import io.veroforge.generator.gaps.GapContext;
import io.veroforge.generator.gaps.GapFill;
import io.veroforge.generator.gaps.GapFiller;
import io.veroforge.generator.gaps.GapReport;
import io.veroforge.generator.gaps.TemplateOnlyGapFiller;
import io.veroforge.generator.model.Gap;
import io.veroforge.generator.model.GapType;
import io.veroforge.generator.scan.Finding;
import io.veroforge.generator.scan.FindingSeverity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** analyze → resolve → synthesize → scan in one call, on real generated output. */
class GenerationPipelineTest {

    private static final Path TEST_SPECS = Path.of("src/test/resources/appspecs");
    private static final Path CRD_EXAMPLES = Path.of("../crds/examples");
    /** Test inputs that are wrong on purpose (validation tests). */
    private static final Set<String> INVALID_ON_PURPOSE = Set.of("many-problems.yaml", "syntax-error.yaml", "unknown-keys.yaml");

    private final GenerationPipeline pipeline = new GenerationPipeline();

    static List<Path> exampleSpecs() throws IOException {
        try (Stream<Path> tests = Files.list(TEST_SPECS); Stream<Path> crds = Files.list(CRD_EXAMPLES)) {
            List<Path> specs = Stream.concat(
                    tests.filter(p -> !INVALID_ON_PURPOSE.contains(p.getFileName().toString())),
                    crds.filter(p -> p.getFileName().toString().matches("appspec-.*\\.ya?ml"))).sorted().toList();
            assertThat(specs).hasSizeGreaterThanOrEqualTo(7);
            return specs;
        }
    }

    @ParameterizedTest
    @MethodSource("exampleSpecs")
    void everyExampleSpecGeneratesOutputWithNoCriticalOrHighFinding(Path spec) throws IOException {
        GenerationResult result = pipeline.generate(spec);

        assertThat(result.errors()).as("errors of %s", spec).isEmpty();
        assertThat(result.scanReport().withSeverity(FindingSeverity.CRITICAL)).as("critical findings in %s", spec).isEmpty();
        assertThat(result.scanReport().withSeverity(FindingSeverity.HIGH)).as("high findings in %s", spec).isEmpty();
        assertThat(result.outcome()).isEqualTo(Outcome.GENERATED);
        assertThat(result.repository().files()).containsKeys("db/migrations/V001__schema.sql", "api/src/app.module.ts", "ui/src/App.tsx");
        assertThat(result.gapReport().total()).isEqualTo(result.model().gaps().size());
    }

    @Test
    void aCriticalFindingInTheGeneratedFilesFailsTheRunButKeepsTheOutput() {
        GenerationResult result = Fixtures.pipelinePlantingAnInjectableController()
                .generate(Fixtures.resource("pest-control-sparse.yaml"), "pest-control-sparse.yaml");

        assertThat(result.outcome()).isEqualTo(Outcome.SCAN_FAILED);
        assertThat(result.scanReport().hasCritical()).isTrue();
        assertThat(result.scanReport().withSeverity(FindingSeverity.CRITICAL)).extracting(Finding::toString).containsExactly(
                Fixtures.INJECTABLE_CONTROLLER_PATH + ":10: critical [sql-injection] SQL is built by template interpolation"
                        + " — use a tagged template ($queryRaw`... ${value}`) or Prisma's query API, so values are bind parameters");
        assertThat(result.repository().files()).containsKey(Fixtures.INJECTABLE_CONTROLLER_PATH);
    }

    @Test
    void anInvalidSpecStopsBeforeSynthesisWithEveryProblem() {
        GenerationResult result = pipeline.generate(Fixtures.resource("many-problems.yaml"), "many-problems.yaml");

        assertThat(result.outcome()).isEqualTo(Outcome.INVALID_SPEC);
        assertThat(result.errors()).hasSize(7);   // the eighth, field "order", is mapped to "jobOrder" (a warning)
        assertThat(result.repository()).isNull();
        assertThat(result.scanReport()).isNull();
        assertThat(result.gapReport()).isNull();
    }

    @Test
    void runningAgainGivesTheSameRepositoryAndReports() {
        String yaml = Fixtures.resource("pest-control-sparse.yaml");
        GenerationResult first = pipeline.generate(yaml, "a.yaml");
        GenerationResult second = pipeline.generate(yaml, "a.yaml");

        assertThat(second.repository()).isEqualTo(first.repository());
        assertThat(second.scanReport()).isEqualTo(first.scanReport());
        assertThat(second.model()).isEqualTo(first.model());
    }

    @Test
    void templateOnlyGapsAreTheGapFillersMarkedStubsAndTheReportCountsThem() {
        GenerationResult result = pipeline.generate(Fixtures.resource("pest-control-sparse.yaml"), "pest-control-sparse.yaml");

        GapReport gaps = result.gapReport();
        assertThat(gaps.unfilled()).isEqualTo(2);
        assertThat(gaps.byFiller()).containsExactly(java.util.Map.entry(TemplateOnlyGapFiller.NAME, 2L));
        assertThat(gaps.entries()).extracting(GapReport.Entry::targetFile)
                .containsExactly("api/src/gaps/business-rule-requirements-0.gap.ts", "api/src/gaps/business-rule-requirements-1.gap.ts");
        assertThat(result.repository().files().get("api/src/gaps/business-rule-requirements-0.gap.ts"))
                .contains("// " + TemplateOnlyGapFiller.MARKER + " business-rule-requirements-0 (business rule, template-only): NOT IMPLEMENTED")
                .contains("implement in api/src/gaps/business-rule-requirements-0.gap.ts or describe it in the AppSpec'));");
        assertThat(result.repository().summary().gapsUnfilled()).isEqualTo(gaps.unfilled());
    }

    @Test
    void aGapFillerWritesHandlerBodiesAndFallsBackToTheStubWhereItFails() {
        GapFiller firstRuleOnly = new GapFiller() {
            @Override
            public String name() {
                return "llm:test";
            }

            @Override
            public GapFill fill(Gap gap, GapContext context) {
                if (!gap.id().endsWith("-0")) {
                    throw new IllegalStateException("model unavailable");
                }
                return new GapFill(gap, "if (!ctx.row) { return; }", List.of(), true, name(), context.targetFile());
            }
        };
        GenerationResult result = new GenerationPipeline(firstRuleOnly)
                .generate(Fixtures.resource("pest-control-sparse.yaml"), "pest-control-sparse.yaml");

        assertThat(result.gapReport().entries()).extracting(GapReport.Entry::gapId, GapReport.Entry::filled, GapReport.Entry::filler)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("business-rule-requirements-0", true, "llm:test"),
                        org.assertj.core.groups.Tuple.tuple("business-rule-requirements-1", false, TemplateOnlyGapFiller.NAME));
        assertThat(result.gapReport().entries()).allSatisfy(e -> assertThat(e.type()).isEqualTo(GapType.BUSINESS_RULE));
        assertThat(result.repository().files().get("api/src/gaps/business-rule-requirements-0.gap.ts"))
                .contains("if (!ctx.row) { return; }").contains("readonly filled = true;").doesNotContain("NotImplementedException");
        assertThat(result.repository().files().get("api/src/gaps/business-rule-requirements-1.gap.ts"))
                .contains("Promise.reject(new NotImplementedException(").contains("readonly filled = false;");
        assertThat(result.outcome()).isEqualTo(Outcome.GENERATED);
    }
}
