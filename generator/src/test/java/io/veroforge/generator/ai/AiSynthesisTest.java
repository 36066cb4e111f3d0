package io.veroforge.generator.ai;

import static io.veroforge.generator.ai.MockProvider.Reply;
import static org.assertj.core.api.Assertions.assertThat;

import io.veroforge.generator.GenerationPipeline;
import io.veroforge.generator.GenerationResult;
import io.veroforge.generator.gaps.GapFillingStats;
import io.veroforge.generator.ontology.Ontology;
import io.veroforge.generator.scan.SecurityScanner;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The whole pipeline with AI synthesis: the generation succeeds with the model down, and says why gaps stayed stubs. */
class AiSynthesisTest {

    private static final String SPEC = """
            apiVersion: veroforge.io/v1alpha1
            kind: AppSpec
            metadata: {name: field-jobs, namespace: acme}
            spec:
              vertical: field-service
              requirements: |
                Technicians may not be assigned more than 6 jobs per day.
              entities:
                - name: Job
                - name: Technician
            %s
            """;

    private static GenerationPipeline pipeline(MockProvider server) {
        AiProviderSettings s = new AiProviderSettings(AiProviderKind.OPENAI, server.url() + "/v1", "test-coder", "sk", Duration.ofSeconds(5),
                new AiProviderSettings.Resilience(3, Duration.ofMillis(1), Duration.ofSeconds(5), 3, Duration.ofMinutes(5)), 100_000);
        AiSynthesis synthesis = new AiSynthesis(Optional.of(ResilientChat.connect(s, d -> { })),
                new ScannerFillValidator(new SecurityScanner()), FillCache.NONE);
        return new GenerationPipeline(Ontology.standard(), synthesis, new SecurityScanner());
    }

    @Test
    void withTheProviderDownTheGenerationSucceedsTemplateOnlyAndNamesTheCause() throws Exception {
        try (MockProvider server = new MockProvider()) {
            server.always(Reply.status(503, MockProvider.openAiError("overloaded", "server_error")));
            GenerationResult result = pipeline(server).generate(SPEC.formatted(""), "field-jobs.yaml");

            assertThat(result.outcome()).as(result.errors().toString()).isEqualTo(GenerationResult.Outcome.GENERATED);
            GapFillingStats stats = result.repository().gaps().stats();
            assertThat(stats.degradedReason()).isEqualTo("ProviderServerError");
            assertThat(stats.degradedMessage()).contains("HTTP 503 from openai test-coder");
            assertThat(result.repository().gaps().filled()).isZero();
            assertThat(server.received()).hasSize(3);
        }
    }

    @Test
    void aiDisabledInTheSpecMakesNoCall() throws Exception {
        try (MockProvider server = new MockProvider()) {
            server.always(Reply.json(MockProvider.openAi("test-coder", LlmGapFillerTest.answer(LlmGapFillerTest.GOOD, 0.9), 10, 10)));
            GenerationResult off = pipeline(server).generate(SPEC.formatted("  ai: {enabled: false}"), "off.yaml");
            assertThat(server.received()).isEmpty();
            assertThat(off.repository().gaps().stats()).isNull();

            GenerationResult on = pipeline(server).generate(SPEC.formatted(""), "on.yaml");
            assertThat(server.received()).hasSize(1);
            assertThat(on.repository().gaps().filledByAi()).isEqualTo(1);
            assertThat(on.repository().gaps().stats().accepted()).isEqualTo(1);
        }
    }
}
