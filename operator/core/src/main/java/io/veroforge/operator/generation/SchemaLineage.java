package io.veroforge.operator.generation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.veroforge.api.v1alpha1.Generation;
import io.veroforge.api.v1alpha1.MigrationPlan;
import io.veroforge.api.v1alpha1.StageName;
import io.veroforge.api.v1alpha1.StageState;
import io.veroforge.generator.migrate.PlannedStep;
import io.veroforge.generator.model.ResolvedModel;

/**
 * What an app's schema holds, as far as the next plan is concerned. Usually the deployed Generation's
 * model; but a Generation that migrated after it and never served leaves its migration behind: a canary
 * rolled back after its expand part keeps the added columns (its users may have written to them, so they
 * are never dropped behind anyone's back), and a run that failed after Migrate left the whole version.
 * Planning from the deployed model alone would add those columns a second time and fail.
 *
 * @param deployed   the Generation that serves, if any: the plan's {@code from}
 * @param base       the model the schema was last fully migrated to (null: an empty schema)
 * @param appliedSql the SQL of expand steps that rolled-back canaries applied on top of {@code base}, including what they left
 *                   before {@code deployed} served ({@code compressedLeftoverSql} of its plan)
 * @param unserved   the Generations after {@code deployed} that migrated without serving, oldest first
 */
record SchemaLineage(Optional<Generation> deployed, ResolvedModel base, Set<String> appliedSql, List<String> unserved) {

    static SchemaLineage of(GenerationRun run, List<Generation> siblings) {
        Optional<Generation> deployed = DeployedGeneration.otherThan(run.name(), siblings);
        int after = deployed.map(g -> GenerationRun.numberOf(g.getMetadata().getName())).orElse(0);
        ResolvedModel base = deployed.map(GeneratedCode::modelOf).orElse(null);
        // what rolled-back canaries left that the serving model does not include is still in the schema
        Set<String> applied = new HashSet<>(deployed.map(SchemaLineage::leftovers).orElse(List.of()));
        List<String> unserved = new ArrayList<>();
        List<Generation> migratedSince = siblings.stream()
                .filter(g -> {
                    int n = GenerationRun.numberOf(g.getMetadata().getName());
                    return n > after && n < run.number() && migrated(g);
                })
                .sorted(Comparator.comparingInt(g -> GenerationRun.numberOf(g.getMetadata().getName())))
                .toList();
        for (Generation g : migratedSince) {
            unserved.add(g.getMetadata().getName());
            MigrationPlan plan = g.getStatus().getMigrationPlan();
            if (expandOnly(g) || additive(plan)) {
                MigrationPlanning.toGenerator(plan).expandContract().expand().steps().forEach(s -> applied.add(s.sql()));
            } else {
                base = GeneratedCode.modelOf(g); // its whole plan ran: the schema is its model plus what it left
                applied.clear();
                applied.addAll(leftovers(g));
            }
        }
        return new SchemaLineage(deployed, base, Set.copyOf(applied), List.copyOf(unserved));
    }

    /** Whether a step of a plan from {@code base} is already in the schema: the same SQL a rolled-back canary applied. */
    boolean alreadyApplied(PlannedStep step) {
        return step.phase() != PlannedStep.Phase.CONTRACT && appliedSql.contains(step.sql());
    }

    /**
     * What stays in the schema after a plan from this lineage: the applied SQL that the plan did not take as one of its own
     * steps (a column the rolled-back canary added that this model does not have).
     */
    List<String> leftoversAfter(List<PlannedStep> alreadyInSchema) {
        Set<String> taken = new HashSet<>();
        alreadyInSchema.forEach(s -> taken.add(s.sql()));
        return appliedSql.stream().filter(sql -> !taken.contains(sql)).sorted().toList();
    }

    private static List<String> leftovers(Generation g) {
        return g.getStatus() == null || g.getStatus().getMigrationPlan() == null ? List.of() : g.getStatus().getMigrationPlan().leftoverSql();
    }

    /**
     * A plan of expand steps only (say one added column) ran whole even in a canary, so the Migrate stage did not mark
     * it expand-only; taking its model as the schema's would plan dropping its columns next, losing what its users wrote.
     */
    private static boolean additive(MigrationPlan plan) {
        return !plan.getSteps().isEmpty() && plan.getSteps().stream().allMatch(s -> s.phaseOrDerived() == io.veroforge.api.v1alpha1.MigrationPhase.Expand);
    }

    /** Recorded by the Migrate stage; plans recorded before it said so only in the stage's message. */
    private static boolean expandOnly(Generation g) {
        return Boolean.TRUE.equals(g.getStatus().getMigrationPlan().getExpandOnly()) || g.getStatus().getStages().stream()
                .anyMatch(s -> s.getName() == StageName.Migrate && s.getMessage() != null && s.getMessage().contains("; expand part only: "));
    }

    private static boolean migrated(Generation g) {
        return g.getStatus() != null && g.getStatus().getMigrationPlan() != null
                && g.getStatus().getStages().stream().anyMatch(s -> s.getName() == StageName.Migrate && s.getState() == StageState.Succeeded);
    }
}
