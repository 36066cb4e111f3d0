package io.veroforge.generator.ai;

import io.veroforge.generator.gaps.FillProvenance;
import io.veroforge.generator.gaps.GapContext;
import io.veroforge.generator.gaps.GapFill;
import io.veroforge.generator.gaps.GapFiller;
import io.veroforge.generator.gaps.GapReport;
import io.veroforge.generator.gaps.TemplateOnlyGapFiller;
import io.veroforge.generator.model.Gap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Renders again the AI fills one generation recorded, from the {@link FillCache} alone: it never
 * asks a model. The operator renders a Generation's code once with the model (its Synthesize
 * stage, on a worker) and again wherever it needs the files later (scan, commit, build, after a
 * restart); those renderings must give the same code without a call, and must not run on a
 * reconcile thread's time. A gap the generation did not record as AI-filled, or whose prompt
 * changed, or whose fill the cache no longer holds, gets the template-only stub; the caller
 * compares what came back with what was recorded ({@link #missing}).
 */
public final class CachedFillReplay implements GapFiller {

    private static final TemplateOnlyGapFiller TEMPLATE = new TemplateOnlyGapFiller();
    private final FillCache cache;
    private final String packRevision;
    private final Map<String, FillProvenance> recorded;

    /** @param recorded the AI fills recorded per gap id (model as {@code <provider>:<model>}, prompt hash) */
    public CachedFillReplay(FillCache cache, String packRevision, Map<String, FillProvenance> recorded) {
        this.cache = cache;
        this.packRevision = packRevision;
        this.recorded = Map.copyOf(recorded);
    }

    @Override
    public String name() {
        return "llm-replay";
    }

    @Override
    public GapFill fill(Gap gap, GapContext context) {
        FillProvenance was = recorded.get(gap.id());
        if (was == null) {
            return TEMPLATE.fill(gap, context);
        }
        String contract = LlmGapFiller.contractOf(gap, context);
        if (!LlmGapFiller.promptHash(contract).equals(was.promptHash())) {
            return TEMPLATE.fill(gap, context).withNote("the recorded AI fill was asked with another prompt");
        }
        // the key uses the model name as configured; provenance records it behind the provider id, which has no colon
        String model = was.model().substring(was.model().indexOf(':') + 1);
        String key = LlmGapFiller.cacheKey(contract, model, packRevision, LlmGapFiller.VERSION);
        Optional<GapFill> hit = LlmGapFiller.fromCache(cache, key, gap, context, "llm:" + was.model());
        return hit.map(f -> new GapFill(f.gap(), f.body(), f.imports(), true, f.filler(), f.targetFile(), was, null))
                .orElseGet(() -> TEMPLATE.fill(gap, context).withNote("the fill cache no longer holds the recorded AI fill"));
    }

    /** The recorded AI fills a rendering did not reproduce (gap ids), given its report. */
    public List<String> missing(GapReport rendered) {
        Set<String> filled = new HashSet<>();
        rendered.entries().stream().filter(e -> e.filled() && e.provenance() != null).forEach(e -> filled.add(e.gapId()));
        return recorded.keySet().stream().filter(id -> !filled.contains(id)).sorted().toList();
    }
}
