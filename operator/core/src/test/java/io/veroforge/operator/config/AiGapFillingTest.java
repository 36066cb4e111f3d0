package io.veroforge.operator.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.veroforge.generator.GenerationPipeline;
import io.veroforge.generator.ai.FillCache;
import io.veroforge.generator.gaps.GapFillingStats;
import io.veroforge.generator.model.ResolvedModel;
import io.veroforge.generator.synthesize.GeneratedRepository;
import io.veroforge.generator.synthesize.Synthesizer;

/** What the platform's configuration makes of gap filling, without a cluster: no model, a model that cannot be reached, a broken setting. */
class AiGapFillingTest {
    private static final Synthesizer TEMPLATES = new Synthesizer();

    @Test
    void withoutAProviderGapsAreTemplateOnlyAsBeforeAndStatusSaysNothingAboutAi() {
        GeneratedRepository repo = AiGapFilling.from(config("none", Optional.empty(), Optional.empty()), FillCache.NONE)
                .synthesis(TEMPLATES).apply(modelWithOneRule());

        assertThat(repo.gaps().stats()).isNull();
        assertThat(repo.gaps().filledByAi()).isZero();
        assertThat(repo.files()).isEqualTo(TEMPLATES.synthesize(modelWithOneRule()).files());
    }

    @Test
    void anUnreachableProviderLeavesTheGapTemplateOnlyAndNamesTheCause() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort(); // free once closed: nothing listens there
        }
        GeneratedRepository repo = AiGapFilling.from(config("openai", Optional.of("http://127.0.0.1:" + closed + "/v1"), Optional.of("m")),
                FillCache.NONE).synthesis(TEMPLATES).apply(modelWithOneRule());

        GapFillingStats stats = repo.gaps().stats();
        assertThat(stats.degradedReason()).isEqualTo("ProviderUnreachable");
        assertThat(stats.degradedMessage()).contains("127.0.0.1:" + closed);
        assertThat(repo.gaps().filledByAi()).isZero();
        assertThat(repo.gaps().entries().get(0).note()).startsWith("template-only, the model failed: ProviderUnreachable");
    }

    @Test
    void aProviderWithoutAModelNameIsReportedOnEveryGenerationWithGapsAndNothingIsSent() {
        GeneratedRepository repo = AiGapFilling.from(config("openai", Optional.of("http://127.0.0.1:9/v1"), Optional.empty()), FillCache.NONE)
                .synthesis(TEMPLATES).apply(modelWithOneRule());

        assertThat(repo.gaps().stats().degradedReason()).isEqualTo("AiMisconfigured");
        assertThat(repo.gaps().stats().degradedMessage()).contains("VEROFORGE_AI_MODEL").contains("docs/ai.md");
        assertThat(repo.gaps().stats().calls()).isZero();
    }

    private static ResolvedModel modelWithOneRule() {
        return new GenerationPipeline().generate("""
                apiVersion: veroforge.io/v1alpha1
                kind: AppSpec
                metadata:
                  name: dispatch
                  namespace: tenant-acme
                spec:
                  vertical: field-service
                  requirements: Technicians may not be assigned more than 6 jobs per day.
                  entities:
                    - name: Job
                    - name: Technician
                """, "dispatch.yaml").model();
    }

    /** The defaults of {@link AiConfig}, with scanner-only validation and one quick attempt. */
    private static AiConfig config(String provider, Optional<String> baseUrl, Optional<String> model) {
        return new AiConfig() {
            public Provider provider() {
                return Provider.valueOf(provider);
            }

            public Optional<String> baseUrl() {
                return baseUrl;
            }

            public Optional<String> model() {
                return model;
            }

            public Optional<String> apiKey() {
                return Optional.empty();
            }

            public Duration timeout() {
                return Duration.ofSeconds(2);
            }

            public int maxAttempts() {
                return 1;
            }

            public Duration initialBackoff() {
                return Duration.ofMillis(1);
            }

            public Duration maxRetryAfter() {
                return Duration.ofSeconds(1);
            }

            public int failuresToOpen() {
                return 5;
            }

            public Duration openFor() {
                return Duration.ofSeconds(60);
            }

            public long maxTokensPerGeneration() {
                return 200_000;
            }

            public Validation validation() {
                return Validation.scanner;
            }

            public String workDir() {
                return "target/ai";
            }
        };
    }
}
