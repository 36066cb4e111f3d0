package io.veroforge.operator.generation;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import io.veroforge.api.v1alpha1.GapFillProvenance;
import io.veroforge.api.v1alpha1.Generation;
import io.veroforge.api.v1alpha1.GenerationStatus;
import io.veroforge.generator.ai.CachedFillReplay;
import io.veroforge.generator.gaps.FillProvenance;
import io.veroforge.generator.model.ModelJson;
import io.veroforge.generator.model.ResolvedModel;
import io.veroforge.generator.synthesize.GeneratedRepository;
import io.veroforge.generator.synthesize.Synthesizer;
import io.veroforge.operator.config.GeneratorParts;
import io.veroforge.operator.db.DatabaseUnavailableException;
import io.veroforge.operator.delivery.GenerationFiles;

/**
 * The code of a Generation, rendered from its frozen model snapshot. The code is not stored
 * anywhere but Git: the Synthesize stage renders it once with the platform's gap filling (which
 * may ask a model, so only there, on a worker), it is kept here for the stages of the run (scan,
 * commit, build), and anywhere else — after a restart — it is rendered again from the snapshot
 * with the AI fills the status recorded, read back from the fill cache without a request. Equal
 * snapshot and recorded fills are equal code.
 */
@ApplicationScoped
public class GeneratedCode implements GenerationFiles {
    private static final int KEPT = 32;

    private final GeneratorParts generator;
    /** By Generation uid: two Generations of equal content may still differ in what a model wrote for them. */
    private final Map<String, GeneratedRepository> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, GeneratedRepository> eldest) {
            return size() > KEPT;
        }
    };

    private final AiFillMetrics metrics;

    @Inject
    public GeneratedCode(GeneratorParts generator, MeterRegistry registry) {
        this.generator = generator;
        this.metrics = new AiFillMetrics(registry);
    }

    /** Nothing in memory, metrics kept nowhere: what a restarted operator sees (tests). */
    GeneratedCode(GeneratorParts generator) {
        this(generator, new SimpleMeterRegistry());
    }

    /** The resolved model the Generation recorded. */
    static ResolvedModel modelOf(Generation generation) {
        return ModelJson.fromTree(generation.getSpec().resolvedModel());
    }

    /** The files, with the AI fills the Generation's status recorded. */
    @Override
    public SortedMap<String, String> of(Generation generation) {
        return code(generation, generation.getStatus()).files();
    }

    /** The files, with the AI fills {@code recorded} holds (a stage's working copy of the status). */
    SortedMap<String, String> of(Generation generation, GenerationStatus recorded) {
        return code(generation, recorded).files();
    }

    /** The Synthesize stage's rendering: gaps filled the platform's way; may ask the model, so never on a reconcile thread. */
    GeneratedRepository synthesize(Generation generation) {
        long started = System.nanoTime();
        GeneratedRepository code = generator.synthesis(synthesizerOf(generation)).apply(modelOf(generation));
        metrics.record(code.gaps().stats(), Duration.ofNanos(System.nanoTime() - started));
        synchronized (recent) {
            recent.put(generation.getMetadata().getUid(), code);
        }
        return code;
    }

    GeneratedRepository code(Generation generation, GenerationStatus recorded) {
        String key = generation.getMetadata().getUid();
        synchronized (recent) {
            GeneratedRepository cached = recent.get(key);
            if (cached != null) {
                return cached;
            }
        }
        Synthesizer synthesizer = synthesizerOf(generation);
        Map<String, FillProvenance> fills = recordedFills(recorded);
        GeneratedRepository code;
        if (fills.isEmpty()) {
            code = synthesizer.synthesize(modelOf(generation));
        } else {
            CachedFillReplay replay = generator.replay(synthesizer.pack(), fills);
            code = new Synthesizer(replay).withPack(synthesizer.pack()).synthesize(modelOf(generation));
            List<String> missing = replay.missing(code.gaps());
            if (!missing.isEmpty()) {
                // Committing other code than Synthesize recorded (and Scan passed) is never an option: wait for the cache.
                throw new DatabaseUnavailableException("the gap fill cache (PostgreSQL, schema veroforge_platform) did not give back the AI fill of "
                        + String.join(", ", missing) + " recorded by the Synthesize stage: PostgreSQL is unreachable or the row was deleted. "
                        + "Retrying; if the row is gone, change the AppSpec so that a new Generation is recorded", null);
            }
        }
        synchronized (recent) {
            recent.put(key, code);
        }
        return code;
    }

    /**
     * The pack revision the Generation recorded; after a restart an earlier overlay revision is not known, and the
     * current one renders the same templates (an overlay changes the model, which the snapshot holds, not the templates).
     */
    private Synthesizer synthesizerOf(Generation generation) {
        return generator.synthesizer(generation.getSpec().getTemplatePack().getRevision()).orElseGet(generator::synthesizer);
    }

    private static Map<String, FillProvenance> recordedFills(GenerationStatus recorded) {
        Map<String, FillProvenance> fills = new LinkedHashMap<>();
        if (recorded == null || recorded.getGaps() == null) {
            return fills;
        }
        for (GapFillProvenance p : recorded.getGaps().getFilled()) {
            fills.put(p.getGap(), new FillProvenance(p.getModel(), p.getPromptHash(), p.getAttempts() == null ? 1 : p.getAttempts(),
                    p.getConfidence() == null ? 0 : p.getConfidence(), Boolean.TRUE.equals(p.getCached())));
        }
        return fills;
    }
}
