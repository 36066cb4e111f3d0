package io.veroforge.operator.generation;

import io.veroforge.api.v1alpha1.StageName;
import io.veroforge.generator.model.ResolvedModel;
import io.veroforge.operator.config.GeneratorParts;

/**
 * Reads the model the AppSpec reconciler resolved and froze into the Generation, and checks that
 * this operator has the template pack revision it names (the current one, or one it served earlier
 * since it started, before the improvements overlay moved): the run generates exactly that, or nothing.
 */
final class ResolveStage implements Stage {
    private final GeneratorParts generator;

    ResolveStage(GeneratorParts generator) {
        this.generator = generator;
    }

    @Override
    public StageName name() {
        return StageName.Resolve;
    }

    @Override
    public StageOutcome run(GenerationRun run) {
        ResolvedModel model;
        try {
            model = GeneratedCode.modelOf(run.generation());
        } catch (RuntimeException e) {
            return StageOutcome.failed("SnapshotUnreadable", "spec.compressedModel cannot be read as a resolved model (" + e.getMessage()
                    + "); it was written by another operator version — change the AppSpec (or delete this Generation) to record a new snapshot");
        }
        String wanted = run.generation().getSpec().getTemplatePack().getRevision();
        if (generator.synthesizer(wanted).isEmpty()) {
            return StageOutcome.failed("TemplatePackUnavailable", "spec.templatePack.revision " + wanted + " is not the revision this operator has ("
                    + generator.pack().revision() + "); delete this Generation and the AppSpec records a new one with the available revision");
        }
        return StageOutcome.succeeded(model.entities().size() + " entities, " + model.roles().size() + " roles, "
                + model.workflows().size() + " workflows from the recorded snapshot");
    }
}
