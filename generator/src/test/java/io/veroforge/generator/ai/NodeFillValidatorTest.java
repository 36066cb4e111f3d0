package io.veroforge.generator.ai;

import static io.veroforge.generator.Fixtures.manifest;
import static io.veroforge.generator.Fixtures.resolveYaml;
import static io.veroforge.generator.ai.MockProvider.Reply;
import static org.assertj.core.api.Assertions.assertThat;

import io.veroforge.generator.gaps.GapReport;
import io.veroforge.generator.model.ResolvedModel;
import io.veroforge.generator.resolve.Resolution;
import io.veroforge.generator.scan.SecurityScanner;
import io.veroforge.generator.synthesize.GeneratedRepository;
import io.veroforge.generator.synthesize.Synthesizer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The whole validation loop with real node: a fill that does not type-check, then one that
 * type-checks but fails the gap's own tests, then one that passes. Needs node + npm (the api's
 * dependencies are installed once into target/node-modules-cache, shared with the proof tests).
 */
class NodeFillValidatorTest {

    @Test
    void theTemplateOnlyStubPassesItsOwnTestsAndTheTypeCheck() {
        ResolvedModel model = LlmGapFillerTest.model();
        Path target = Path.of("target").toAbsolutePath();
        Path installs = Path.of(System.getProperty("veroforge.nodeModulesCache", target.resolve("node-modules-cache").toString()));
        NodeFillValidator validator = new NodeFillValidator(target.resolve("gap-validation-stub-" + ProcessHandle.current().pid()), installs);
        io.veroforge.generator.model.Gap gap = model.gaps().get(0);
        io.veroforge.generator.gaps.GapFill stub = new io.veroforge.generator.gaps.TemplateOnlyGapFiller()
                .fill(gap, new io.veroforge.generator.gaps.GapContext(model, "api/src/gaps/" + gap.id() + ".gap.ts"));

        FillValidator.Verdict verdict = validator.validate(stub, new Synthesizer().synthesize(model));

        assertThat(verdict.problems()).isEmpty();
        assertThat(verdict.passed()).isTrue();
    }

    @Test
    void aFillTheAppsLintRefusesIsFedBackAndTheRetryIsAccepted() throws Exception {
        ResolvedModel model = ruleModel();
        Path target = Path.of("target").toAbsolutePath();
        Path installs = Path.of(System.getProperty("veroforge.nodeModulesCache", target.resolve("node-modules-cache").toString()));
        FillValidator validator = FillValidator.allOf(new ScannerFillValidator(new SecurityScanner()),
                new NodeFillValidator(target.resolve("gap-validation-lint-" + ProcessHandle.current().pid()), installs));

        try (MockProvider server = new MockProvider()) {
            server.then(Reply.json(MockProvider.openAi("test-coder", LlmGapFillerTest.answer(LlmGapFillerTest.AWAITS_NOTHING, 0.6), 10, 10)),
                    Reply.json(MockProvider.openAi("test-coder", LlmGapFillerTest.answer(LlmGapFillerTest.GOOD, 0.8), 10, 10)));
            AiProviderSettings s = new AiProviderSettings(AiProviderKind.OPENAI, server.url() + "/v1", "test-coder", "sk", Duration.ofSeconds(5),
                    null, 100_000);
            LlmGapFiller filler = new LlmGapFiller(ResilientChat.connect(s, d -> { }), validator, FillCache.NONE,
                    new AiBudget(20, 3, 100_000), "test-rev");

            GeneratedRepository repo = new Synthesizer(filler).synthesize(model);

            List<MockProvider.Received> received = server.received();
            assertThat(received).hasSize(2);
            // the first answer type-checks and would pass its tests: only the lint refuses it, with ESLint's own words
            assertThat(received.get(1).allText()).contains("Your answer 1 was refused by the lint")
                    .contains("src/gaps/business-rule-requirements-0.gap.ts:").contains("require-await")
                    .contains("has no 'await' expression");
            GapReport.Entry e = repo.gaps().entries().get(0);
            assertThat(e.filled()).isTrue();
            assertThat(e.provenance().attempts()).isEqualTo(2);
            assertThat(repo.files().get("api/src/gaps/business-rule-requirements-0.gap.ts")).contains("await ctx.tx.job.count(");
            assertThat(filler.stats().rejected()).isEqualTo(1);
            assertThat(filler.stats().accepted()).isEqualTo(1);
        }
    }

    private static ResolvedModel ruleModel() {
        Resolution r = resolveYaml(manifest("""
                vertical: field-service
                requirements: |
                  Technicians may not be assigned more than 6 jobs per day.
                entities:
                  - name: Job
                  - name: Technician
                """));
        assertThat(r.errors()).isEmpty();
        return r.model();
    }

    @Test
    void typeErrorsAndFailingTestsAreFedBackUntilAFillPassesAll() throws Exception {
        Resolution r = resolveYaml(manifest("""
                vertical: field-service
                requirements: |
                  Technicians may not be assigned more than 6 jobs per day.
                entities:
                  - name: Job
                  - name: Technician
                """));
        assertThat(r.errors()).isEmpty();
        ResolvedModel model = r.model();
        Path target = Path.of("target").toAbsolutePath();
        Path installs = Path.of(System.getProperty("veroforge.nodeModulesCache", target.resolve("node-modules-cache").toString()));
        FillValidator validator = FillValidator.allOf(new ScannerFillValidator(new SecurityScanner()),
                new NodeFillValidator(target.resolve("gap-validation-" + ProcessHandle.current().pid()), installs));

        try (MockProvider server = new MockProvider()) {
            server.then(Reply.json(MockProvider.openAi("test-coder", LlmGapFillerTest.answer("const limit: number = 'six';\nvoid limit;", 0.5), 10, 10)),
                    Reply.json(MockProvider.openAi("test-coder", LlmGapFillerTest.answer(
                            "const open = await ctx.tx.job.count();\nif (open > 100) {\n  throw new UnprocessableEntityException('too many jobs');\n}\n"
                                    + "throw new Error('not yet');", 0.5), 10, 10)),
                    Reply.json(MockProvider.openAi("test-coder", LlmGapFillerTest.answer(LlmGapFillerTest.GOOD, 0.8), 10, 10)));
            AiProviderSettings s = new AiProviderSettings(AiProviderKind.OPENAI, server.url() + "/v1", "test-coder", "sk", Duration.ofSeconds(5),
                    null, 100_000);
            LlmGapFiller filler = new LlmGapFiller(ResilientChat.connect(s, d -> { }), validator, FillCache.NONE,
                    new AiBudget(20, 3, 100_000), "test-rev");

            GeneratedRepository repo = new Synthesizer(filler).synthesize(model);

            List<MockProvider.Received> received = server.received();
            assertThat(received).hasSize(3);
            assertThat(received.get(1).allText()).contains("Your answer 1 was refused by the type-check")
                    .contains("business-rule-requirements-0.gap.ts").contains("error TS2322");
            assertThat(received.get(2).allText()).contains("Your answer 2 was refused by the tests")
                    .contains("test/gaps/business-rule-requirements-0.e2e-spec.ts failed").contains("not yet");
            GapReport.Entry e = repo.gaps().entries().get(0);
            assertThat(e.filled()).isTrue();
            assertThat(e.provenance().attempts()).isEqualTo(3);
            assertThat(filler.stats().rejected()).isEqualTo(2);
            assertThat(filler.stats().accepted()).isEqualTo(1);
        }
    }
}
