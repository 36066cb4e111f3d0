package io.veroforge.operator.generation;

import io.veroforge.api.v1alpha1.ArtifactCounts;
import io.veroforge.api.v1alpha1.GapCounts;
import io.veroforge.api.v1alpha1.StageName;
import io.veroforge.generator.gaps.TemplateOnlyGapFiller;
import io.veroforge.generator.synthesize.GeneratedRepository;
import io.veroforge.generator.synthesize.GenerationSummary;

/** Renders the template pack for the recorded model; gaps the templates cannot cover become marked stubs. */
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
        GeneratedRepository repository = code.code(run.generation());
        GenerationSummary summary = repository.summary();
        return StageOutcome.succeeded(summary.files() + " files, " + summary.endpoints() + " endpoints, " + summary.uiViews() + " views; "
                + repository.gaps().summary(), status -> {
                    ArtifactCounts artifacts = new ArtifactCounts();
                    artifacts.setFiles(summary.files());
                    artifacts.setEntities(summary.entities());
                    artifacts.setEndpoints(summary.endpoints());
                    artifacts.setViews(summary.uiViews());
                    status.setArtifacts(artifacts);
                    GapCounts gaps = new GapCounts();
                    // Filled means written by a model; the template-only filler leaves a marked stub (unfilled).
                    gaps.setFilledByAi(repository.gaps().filled());
                    gaps.setTemplateOnly((int) repository.gaps().entries().stream().filter(e -> TemplateOnlyGapFiller.NAME.equals(e.filler())).count());
                    gaps.setUnfilled(repository.gaps().unfilled());
                    status.setGaps(gaps);
                });
    }
}
