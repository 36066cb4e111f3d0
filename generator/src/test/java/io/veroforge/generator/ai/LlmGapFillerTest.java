package io.veroforge.generator.ai;

import static io.veroforge.generator.Fixtures.manifest;
import static io.veroforge.generator.Fixtures.resolveYaml;
import static io.veroforge.generator.ai.MockProvider.Reply;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.veroforge.generator.gaps.GapFillingStats;
import io.veroforge.generator.gaps.GapReport;
import io.veroforge.generator.model.ResolvedModel;
import io.veroforge.generator.resolve.Resolution;
import io.veroforge.generator.scan.SecurityScanner;
import io.veroforge.generator.synthesize.GeneratedRepository;
import io.veroforge.generator.synthesize.Synthesizer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The validation loop against a local server speaking the providers' protocols; the scanner is the real one. */
class LlmGapFillerTest {

    /** A body the rule's tests, the type check and the app's lint all accept: it narrows the row and awaits its count. */
    static final String GOOD = "const row = ctx.row as { technicianId?: unknown } | null;\nif (!row || typeof row.technicianId !== 'string') {\n  return;\n}\n"
            + "const assigned = await ctx.tx.job.count({ where: { technicianId: row.technicianId } });\n"
            + "if (assigned > 6) {\n  throw new UnprocessableEntityException('a technician may not be assigned more than 6 jobs per day');\n}";
    /** Compiles and passes the gap's tests, but run() is async and this awaits nothing: the app's ESLint (require-await) refuses it. */
    static final String AWAITS_NOTHING = "const row = ctx.row as { technicianId?: unknown } | null;\nif (!row) {\n  return;\n}";
    static final String CONCATENATED_SQL = "const row = ctx.row as { id?: string } | null;\n"
            + "await ctx.tx.$queryRawUnsafe('SELECT count(*) FROM job WHERE technician_id = ' + row?.id);";
    private static final String FILE = "api/src/gaps/business-rule-requirements-0.gap.ts";

    private MockProvider server;
    @TempDir
    Path cacheDir;

    @BeforeEach
    void start() throws Exception {
        server = new MockProvider();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static ResolvedModel model() {
        Resolution r = resolveYaml(manifest("""
                vertical: field-service
                requirements: |
                  Technicians may not be assigned more than 6 jobs per day.
                  Send the customer a survey a week after each completed job.
                entities:
                  - name: Job
                  - name: Technician
                """));
        assertThat(r.errors()).isEmpty();
        return r.model();
    }

    static String answer(String body, double confidence) {
        ObjectNode a = MockProvider.JSON.createObjectNode();
        var imports = a.putArray("imports");
        if (body.contains("UnprocessableEntityException")) { // an unused import fails the generated API's noUnusedLocals
            imports.add("import { UnprocessableEntityException } from '@nestjs/common';");
        }
        a.put("body", body).put("confidence", confidence);
        return a.toString();
    }

    private ResilientChat chat(AiProviderKind kind, String path, int failuresToOpen) {
        AiProviderSettings s = new AiProviderSettings(kind, server.url() + path, "test-coder", "sk-test", Duration.ofSeconds(5),
                new AiProviderSettings.Resilience(3, Duration.ofMillis(1), Duration.ofSeconds(5), failuresToOpen, Duration.ofMinutes(5)), 100_000);
        return ResilientChat.connect(s, d -> { });
    }

    private LlmGapFiller filler(ResilientChat chat, FillCache cache, AiBudget budget) {
        return new LlmGapFiller(chat, new ScannerFillValidator(new SecurityScanner()), cache, budget, "test-rev");
    }

    private static AiBudget budget() {
        return new AiBudget(20, LlmGapFiller.MAX_ATTEMPTS, 100_000);
    }

    @Test
    void aFillTheScannerRejectsIsFedBackAndTheNextOneIsAcceptedWithProvenance() {
        server.then(Reply.json(MockProvider.openAi("test-coder", answer(CONCATENATED_SQL, 0.6), 900, 80)),
                Reply.json(MockProvider.openAi("test-coder", answer(GOOD, 0.85), 1100, 60)),
                Reply.json(MockProvider.openAi("test-coder", answer(GOOD, 0.7), 900, 50)));
        LlmGapFiller filler = filler(chat(AiProviderKind.OPENAI, "/v1", 5), new DiskFillCache(cacheDir), budget());
        ResolvedModel model = model();

        GeneratedRepository repo = new Synthesizer(filler).synthesize(model);

        List<MockProvider.Received> received = server.received();
        assertThat(received).hasSize(3); // gap 0: refused + accepted; gap 1: accepted at once
        MockProvider.Received first = received.get(0);
        assertThat(first.body().path("model").asText()).isEqualTo("test-coder");
        assertThat(first.body().path("response_format").path("json_schema").path("name").asText()).isEqualTo("gap_fill");
        assertThat(first.allText()).contains("Technicians may not be assigned more than 6 jobs per day.")
                .contains("async run(ctx: GapContext): Promise<void>").contains("model Job {").contains("model Technician {")
                .contains("describe('gap business-rule-requirements-0'").contains("copes with an empty database and no row");
        String retry = received.get(1).allText();
        assertThat(retry).contains("Your answer 1 was refused by the scanner").contains("[sql-injection]").contains(FILE);

        GapReport.Entry e = repo.gaps().entries().get(0);
        assertThat(e.filled()).isTrue();
        assertThat(e.filler()).isEqualTo("llm:openai:test-coder");
        assertThat(e.provenance().attempts()).isEqualTo(2);
        assertThat(e.provenance().confidence()).isEqualTo(0.85);
        assertThat(e.provenance().promptHash()).matches("sha256:[0-9a-f]{64}");
        assertThat(repo.gaps().filledByAi()).isEqualTo(2);
        assertThat(repo.files().get(FILE)).contains("// AI provenance: openai:test-coder, prompt " + e.provenance().promptHash()
                + ", 2 attempt(s), confidence 0.85").contains("if (!row || typeof row.technicianId !== 'string') {").doesNotContain("queryRawUnsafe");
        assertThat(new SecurityScanner().scan(repo.files()).findings()).noneMatch(f -> f.file().startsWith("api/src/gaps/"));

        GapFillingStats stats = filler.stats();
        assertThat(stats.calls()).isEqualTo(3);
        assertThat(stats.inputTokens()).isEqualTo(2900);
        assertThat(stats.outputTokens()).isEqualTo(190);
        assertThat(stats.accepted()).isEqualTo(2);
        assertThat(stats.rejected()).isEqualTo(1);
        assertThat(stats.degraded()).isFalse();
    }

    @Test
    void threeRefusedAnswersKeepTheStubAndTheReportSaysWhy() {
        server.always(Reply.json(MockProvider.openAi("test-coder", answer(CONCATENATED_SQL, 0.9), 100, 10)));
        LlmGapFiller filler = filler(chat(AiProviderKind.OPENAI, "/v1", 50), FillCache.NONE, budget());

        GeneratedRepository repo = new Synthesizer(filler).synthesize(model());

        GapReport.Entry e = repo.gaps().entries().get(0);
        assertThat(e.filled()).isFalse();
        assertThat(e.provenance()).isNull();
        assertThat(e.note()).startsWith("3 answers refused, template-only stub kept; last answer 3 of 3 refused by the scanner")
                .contains("sql-injection");
        assertThat(repo.files().get(FILE)).contains("VEROFORGE-GAP").doesNotContain("queryRawUnsafe");
        assertThat(filler.stats().rejected()).isEqualTo(6);
        assertThat(server.received()).hasSize(6);
        // the third request carries both refusals
        assertThat(server.received().get(2).allText()).contains("Your answer 1 was refused").contains("Your answer 2 was refused");
    }

    @Test
    void anAnswerThatIsNotTheJsonAskedForIsFedBack() {
        server.then(Reply.json(MockProvider.openAi("test-coder", "Sure! Here is the code: if (!ctx.row) return;", 10, 10)))
                .always(Reply.json(MockProvider.openAi("test-coder", answer(GOOD, 0.8), 10, 10)));
        GeneratedRepository repo = new Synthesizer(filler(chat(AiProviderKind.OPENAI, "/v1", 50), FillCache.NONE, budget()))
                .synthesize(model());

        assertThat(repo.gaps().entries().get(0).provenance().attempts()).isEqualTo(2);
        assertThat(server.received().get(1).allText()).contains("refused by the answer-format").contains("not the JSON object asked for");
    }

    @Test
    void whenTheProviderKeepsFailingTheCircuitOpensAndGenerationSucceedsTemplateOnly() {
        server.always(Reply.status(500, MockProvider.openAiError("The server had an error", "server_error")));
        LlmGapFiller filler = filler(chat(AiProviderKind.OPENAI, "/v1", 3), FillCache.NONE, budget());

        GeneratedRepository repo = new Synthesizer(filler).synthesize(model());

        assertThat(repo.gaps().entries()).hasSize(2).allSatisfy(e -> assertThat(e.filled()).isFalse());
        assertThat(repo.gaps().entries().get(0).note()).contains("ProviderServerError: HTTP 500");
        assertThat(repo.gaps().entries().get(1).note()).contains("ProviderCircuitOpen");
        assertThat(server.received()).hasSize(3); // the second gap never reached the server
        GapFillingStats stats = filler.stats();
        assertThat(stats.degradedReason()).isEqualTo("ProviderCircuitOpen");
        assertThat(stats.degradedMessage()).contains("open after 3 consecutive failure(s)").contains("HTTP 500");
        assertThat(repo.files().get(FILE)).contains("VEROFORGE-GAP business-rule-requirements-0");
    }

    @Test
    void aCachedFillCostsNoCall() {
        server.always(Reply.json(MockProvider.openAi("test-coder", answer(GOOD, 0.9), 500, 40)));
        new Synthesizer(filler(chat(AiProviderKind.OPENAI, "/v1", 5), new DiskFillCache(cacheDir), budget())).synthesize(model());
        assertThat(server.received()).hasSize(2);

        LlmGapFiller again = filler(chat(AiProviderKind.OPENAI, "/v1", 5), new DiskFillCache(cacheDir), budget());
        GeneratedRepository repo = new Synthesizer(again).synthesize(model());

        assertThat(server.received()).hasSize(2);
        assertThat(again.stats().cacheHits()).isEqualTo(2);
        assertThat(again.stats().calls()).isZero();
        assertThat(repo.gaps().entries()).allSatisfy(e -> {
            assertThat(e.filled()).isTrue();
            assertThat(e.provenance().cached()).isTrue();
        });
    }

    @Test
    void theTokenBudgetIsNeverExceeded() {
        server.always(Reply.json(MockProvider.openAi("test-coder", answer(GOOD, 0.9), 1500, 100)));
        LlmGapFiller filler = filler(chat(AiProviderKind.OPENAI, "/v1", 5), FillCache.NONE, new AiBudget(20, 3, 1000));

        GeneratedRepository repo = new Synthesizer(filler).synthesize(model());

        assertThat(server.received()).hasSize(1);
        assertThat(repo.gaps().entries().get(0).filled()).isTrue();
        assertThat(repo.gaps().entries().get(1).filled()).isFalse();
        assertThat(repo.gaps().entries().get(1).note()).contains("AiBudgetExceeded: 1600 tokens spent of the 1000 allowed per Generation");
        assertThat(filler.stats().degradedReason()).isEqualTo("AiBudgetExceeded");
    }

    @Test
    void maxGapsPerGenerationBoundsTheGapsSent() {
        server.always(Reply.json(MockProvider.openAi("test-coder", answer(GOOD, 0.9), 10, 10)));
        GeneratedRepository repo = new Synthesizer(filler(chat(AiProviderKind.OPENAI, "/v1", 5), FillCache.NONE, new AiBudget(1, 3, 100_000)))
                .synthesize(model());

        assertThat(server.received()).hasSize(1);
        assertThat(repo.gaps().entries().get(1).note()).contains("spec.ai.maxGapsPerGeneration is 1");
    }

    @Test
    void anthropicAndOllamaFillsGoThroughTheSameLoop() {
        server.always(Reply.json(MockProvider.anthropic("test-coder", answer(GOOD, 0.75), 300, 30)));
        GeneratedRepository repo = new Synthesizer(filler(chat(AiProviderKind.ANTHROPIC, "/v1/", 5), FillCache.NONE, budget())).synthesize(model());
        assertThat(repo.gaps().filledByAi()).isEqualTo(2);
        assertThat(server.received().get(0).path()).isEqualTo("/v1/messages");
        assertThat(server.received().get(0).allText()).contains("Technicians may not be assigned more than 6 jobs per day.");

        server.always(Reply.json(MockProvider.ollama("test-coder", answer(GOOD, 0.7), 300, 30)));
        repo = new Synthesizer(filler(chat(AiProviderKind.OLLAMA, "", 5), FillCache.NONE, budget())).synthesize(model());
        assertThat(repo.gaps().entries()).allSatisfy(e -> assertThat(e.filler()).isEqualTo("llm:ollama:test-coder"));
        assertThat(server.received().get(2).path()).isEqualTo("/api/chat");
        assertThat(server.received().get(2).body().path("format").path("required").toString()).contains("body");
    }
}
