package io.veroforge.generator.ai;

import static io.veroforge.generator.ai.MockProvider.Reply;
import static org.assertj.core.api.Assertions.assertThat;

import io.veroforge.generator.gaps.FillProvenance;
import io.veroforge.generator.gaps.GapReport;
import io.veroforge.generator.model.ResolvedModel;
import io.veroforge.generator.scan.SecurityScanner;
import io.veroforge.generator.synthesize.GeneratedRepository;
import io.veroforge.generator.synthesize.Synthesizer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rendering a generation again from what it recorded: the same files as the model's rendering, and not one request. */
class CachedFillReplayTest {

    @TempDir
    Path cacheDir;

    @Test
    void theRecordedFillsComeBackFromTheCacheAsTheSameFilesWithoutARequest() throws Exception {
        ResolvedModel model = LlmGapFillerTest.model();
        FillCache cache = new DiskFillCache(cacheDir);
        try (MockProvider server = new MockProvider()) {
            server.then(Reply.json(MockProvider.openAi("test-coder", LlmGapFillerTest.answer(LlmGapFillerTest.GOOD, 0.85), 900, 60)),
                    Reply.json(MockProvider.openAi("test-coder", LlmGapFillerTest.answer(LlmGapFillerTest.GOOD, 0.7), 900, 50)));
            GeneratedRepository first = new Synthesizer(filler(server, cache)).synthesize(model);
            assertThat(first.gaps().filledByAi()).isEqualTo(2);
            int requests = server.received().size();

            CachedFillReplay replay = new CachedFillReplay(cache, "test-rev", recorded(first.gaps()));
            GeneratedRepository again = new Synthesizer(replay).synthesize(model);

            assertThat(server.received()).hasSize(requests);
            assertThat(again.files()).isEqualTo(first.files());
            assertThat(replay.missing(again.gaps())).isEmpty();
        }
    }

    @Test
    void aFillTheCacheNoLongerHoldsIsNamedAndItsGapRendersAsTheStub() throws Exception {
        ResolvedModel model = LlmGapFillerTest.model();
        FillCache cache = new DiskFillCache(cacheDir);
        try (MockProvider server = new MockProvider()) {
            server.always(Reply.json(MockProvider.openAi("test-coder", LlmGapFillerTest.answer(LlmGapFillerTest.GOOD, 0.8), 900, 60)));
            GeneratedRepository first = new Synthesizer(filler(server, cache)).synthesize(model);

            // another cache (the rows were lost): what was recorded cannot come back
            CachedFillReplay replay = new CachedFillReplay(new DiskFillCache(cacheDir.resolve("empty")), "test-rev", recorded(first.gaps()));
            GeneratedRepository again = new Synthesizer(replay).synthesize(model);

            assertThat(replay.missing(again.gaps())).containsExactly("business-rule-requirements-0", "business-rule-requirements-1");
            assertThat(again.gaps().filledByAi()).isZero();
            assertThat(again.files().get("api/src/gaps/business-rule-requirements-0.gap.ts")).contains("NotImplementedException");
        }
    }

    private static LlmGapFiller filler(MockProvider server, FillCache cache) {
        AiProviderSettings s = new AiProviderSettings(AiProviderKind.OPENAI, server.url() + "/v1", "test-coder", "sk-test", Duration.ofSeconds(5),
                new AiProviderSettings.Resilience(1, Duration.ofMillis(1), Duration.ofSeconds(5), 5, Duration.ofMinutes(5)), 100_000);
        return new LlmGapFiller(ResilientChat.connect(s, d -> { }), new ScannerFillValidator(new SecurityScanner()), cache,
                new AiBudget(20, LlmGapFiller.MAX_ATTEMPTS, 100_000), "test-rev");
    }

    /** What the operator's status keeps per AI-filled gap. */
    private static Map<String, FillProvenance> recorded(GapReport report) {
        Map<String, FillProvenance> recorded = new HashMap<>();
        report.entries().stream().filter(e -> e.provenance() != null).forEach(e -> recorded.put(e.gapId(), e.provenance()));
        return recorded;
    }
}
