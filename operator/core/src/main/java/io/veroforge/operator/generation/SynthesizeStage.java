package io.veroforge.operator.generation;

import io.veroforge.api.v1alpha1.ArtifactCounts;
import io.veroforge.api.v1alpha1.GapCounts;
import io.veroforge.api.v1alpha1.GapFillProvenance;
import io.veroforge.api.v1alpha1.StageName;
import io.veroforge.generator.gaps.GapFillingStats;
import io.veroforge.generator.gaps.GapReport;
import io.veroforge.generator.gaps.TemplateOnlyGapFiller;
import io.veroforge.generator.synthesize.GeneratedRepository;
import io.veroforge.generator.synthesize.GenerationSummary;

/**
 * Renders the template pack for the recorded model and fills its gaps the platform's way: with the
 * configured model, each fill accepted only after validation, or as marked stubs. It is a slow
 * stage, so the model is only ever asked on a Generation worker, never on a reconcile thread. A
 * model that fails, or a budget that runs out, leaves the remaining gaps template-only and the run
 * goes on; what happened is recorded in {@code status.gaps} (the timeline turns it into AiDegraded).
 */
final class SynthesizeStage implements Stage {
    private final GeneratedCode code;

    SynthesizeStage(GeneratedCode code) {
        this.code = code;
    }

    @Override
    public StageName name() {
        return StageName.Synthesize;
    }

    @Override
    public boolean slow() {
        return true;
    }

    @Override
    public StageOutcome run(GenerationRun run) {
        GeneratedRepository repository = code.synthesize(run.generation());
        GenerationSummary summary = repository.summary();
        GapFillingStats ai = repository.gaps().stats();
        return StageOutcome.succeeded(summary.files() + " files, " + summary.endpoints() + " endpoints, " + summary.uiViews() + " views; "
                + repository.gaps().summary() + (ai == null ? "" : "; AI: " + ai.calls() + " request(s), " + ai.cacheHits() + " from cache, "
                        + ai.accepted() + " fill(s) accepted, " + ai.rejected() + " answer(s) refused"
                        + (ai.degraded() ? "; degraded: " + ai.degradedReason() : "")), status -> {
                    ArtifactCounts artifacts = new ArtifactCounts();
                    artifacts.setFiles(summary.files());
                    artifacts.setEntities(summary.entities());
                    artifacts.setEndpoints(summary.endpoints());
                    artifacts.setViews(summary.uiViews());
                    status.setArtifacts(artifacts);
                    status.setGaps(gapCounts(repository.gaps()));
                });
    }

    static GapCounts gapCounts(GapReport report) {
        GapCounts gaps = new GapCounts();
        // Only code a model wrote counts here (what auto-unless-risky approval holds back); stubs are unfilled.
        gaps.setFilledByAi(report.filledByAi());
        gaps.setTemplateOnly((int) report.entries().stream().filter(e -> TemplateOnlyGapFiller.NAME.equals(e.filler())).count());
        gaps.setUnfilled(report.unfilled());
        report.entries().stream().filter(e -> e.filled() && e.provenance() != null).forEach(e -> {
            GapFillProvenance p = new GapFillProvenance();
            p.setGap(e.gapId());
            p.setModel(e.provenance().model());
            p.setPromptHash(e.provenance().promptHash());
            p.setAttempts(e.provenance().attempts());
            p.setConfidence(e.provenance().confidence());
            p.setCached(e.provenance().cached());
            gaps.getFilled().add(p);
        });
        GapFillingStats ai = report.stats();
        if (ai != null) {
            gaps.setAiCalls(ai.calls());
            gaps.setAiTokens(ai.tokens());
            gaps.setAiCacheHits(ai.cacheHits());
            gaps.setAiFallbackReason(ai.degradedReason());
            gaps.setAiFallbackMessage(ai.degradedMessage() == null ? null : GenerationTimeline.cut(ai.degradedMessage()));
        }
        return gaps;
    }
}
