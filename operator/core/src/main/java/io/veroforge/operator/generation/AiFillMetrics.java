package io.veroforge.operator.generation;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.veroforge.generator.gaps.GapFillingStats;

/**
 * What AI gap filling costs and does, as Prometheus sees it ({@code /q/metrics}): requests, tokens,
 * cache hits, fills accepted and answers refused, degradations by reason, and how long a
 * Synthesize stage with a model took. Counted once per Synthesize run from the filler's
 * {@link GapFillingStats}; without a model nothing is counted.
 */
final class AiFillMetrics {
    private final MeterRegistry registry;
    private final Counter requests;
    private final Counter inputTokens;
    private final Counter outputTokens;
    private final Counter cacheHits;
    private final Counter accepted;
    private final Counter rejected;
    private final Timer synthesis;

    AiFillMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.requests = Counter.builder("veroforge.ai.requests").description("requests sent to the language model (each attempt of a gap is one)")
                .register(registry);
        this.inputTokens = Counter.builder("veroforge.ai.tokens").tag("kind", "input").description("tokens the provider reported")
                .register(registry);
        this.outputTokens = Counter.builder("veroforge.ai.tokens").tag("kind", "output").description("tokens the provider reported")
                .register(registry);
        this.cacheHits = Counter.builder("veroforge.ai.cache.hits").description("gaps answered from the fill cache, without a request")
                .register(registry);
        this.accepted = Counter.builder("veroforge.ai.fills").tag("outcome", "accepted").description("AI fills by validation outcome")
                .register(registry);
        this.rejected = Counter.builder("veroforge.ai.fills").tag("outcome", "rejected").description("AI fills by validation outcome")
                .register(registry);
        this.synthesis = Timer.builder("veroforge.ai.synthesis").description("Synthesize stages that asked a model: model, validation and rendering")
                .register(registry);
    }

    void record(GapFillingStats stats, Duration took) {
        if (stats == null) {
            return;
        }
        requests.increment(stats.calls());
        inputTokens.increment(stats.inputTokens());
        outputTokens.increment(stats.outputTokens());
        cacheHits.increment(stats.cacheHits());
        accepted.increment(stats.accepted());
        rejected.increment(stats.rejected());
        synthesis.record(took);
        if (stats.degraded()) {
            Counter.builder("veroforge.ai.degraded").tag("reason", stats.degradedReason())
                    .description("Synthesize runs that left gaps template-only because the model failed or the budget ran out")
                    .register(registry).increment();
        }
    }
}
