package io.veroforge.operator.generation;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.veroforge.api.v1alpha1.ApprovalState;
import io.veroforge.api.v1alpha1.Generation;
import io.veroforge.api.v1alpha1.MigrationPlan;
import io.veroforge.api.v1alpha1.StageName;
import io.veroforge.generator.migrate.ExpandContract;
import io.veroforge.operator.delivery.Deliveries;
import io.veroforge.operator.db.AppSchemaMigrator;
import io.veroforge.operator.db.MigrationOutcome;
import io.veroforge.operator.db.MigrationRefusedException;
import io.veroforge.operator.db.NameConflictException;
import io.veroforge.operator.db.SchemaMigrationException;

/**
 * Applies the recorded (and, when needed, approved) migration plan to the app's schema in the
 * tenant's database as version n of {@code <app>-<n>}, in one transaction, tracked by Flyway so
 * that running it again after a crash finds it applied. Destructive steps run only with an
 * explicit approval; the migrator refuses them otherwise, whatever the caller thinks. Under a
 * canary only the expand part runs here; {@link ContractAfterPromotion} runs the rest.
 */
final class MigrateStage implements Stage {
    private final MigrationPlanning planning;
    private final AppSchemaMigrator migrator;

    MigrateStage(MigrationPlanning planning, AppSchemaMigrator migrator) {
        this.planning = planning;
        this.migrator = migrator;
    }

    @Override
    public StageName name() {
        return StageName.Migrate;
    }

    @Override
    public boolean slow() {
        return true;
    }

    @Override
    public StageOutcome run(GenerationRun run) {
        MigrationPlan plan = run.recorded().getMigrationPlan();
        if (plan == null) {
            return StageOutcome.failed("NoMigrationPlan", "no migration plan was recorded at AwaitApproval; delete this Generation to plan again");
        }
        Optional<AppTenant> tenant = AppTenant.of(run.client(), run.namespace());
        if (tenant.isEmpty()) {
            return StageOutcome.waiting("NoTenant", AppTenant.notFound(run.namespace()), Duration.ofSeconds(30));
        }
        if (!tenant.get().databaseReady()) {
            return StageOutcome.waiting("TenantDatabaseNotReady", "tenant " + tenant.get().name() + " has no ready database yet (kubectl get tenant "
                    + tenant.get().name() + ")", Duration.ofSeconds(10));
        }
        List<Generation> siblings = DeployedGeneration.ofApp(run.client(), run.namespace(), run.app());
        Optional<Generation> busy = olderInFlight(run, siblings);
        if (busy.isPresent()) {
            return StageOutcome.waiting("WaitingForOlderGeneration", "waiting for " + busy.get().getMetadata().getName()
                    + " to finish deploying (one Generation of an app migrates and deploys at a time)", Duration.ofSeconds(3));
        }
        SchemaLineage schema = SchemaLineage.of(run, siblings);
        String deployedNow = schema.deployed().map(g -> g.getMetadata().getName()).orElse(null);
        if (!Objects.equals(deployedNow, plan.getFrom())) {
            return StageOutcome.failed("PlanOutdated", "the plan starts from " + (plan.getFrom() == null ? "an empty schema" : plan.getFrom())
                    + " but " + (deployedNow == null ? "nothing" : deployedNow) + " is deployed now; delete this Generation to plan again");
        }
        List<String> plannedOver = plan.getUnservedMigrations() == null ? List.of() : plan.getUnservedMigrations();
        if (!plannedOver.equals(schema.unserved())) {
            return StageOutcome.failed("PlanOutdated", "the plan was made over the migrations of " + (plannedOver.isEmpty() ? "no unserved Generation" : plannedOver)
                    + " but the schema now also holds those of " + schema.unserved()
                    + " (migrated without serving); delete this Generation to plan again");
        }
        io.veroforge.generator.migrate.MigrationPlan toApply = MigrationPlanning.toGenerator(plan);
        String deferred = "";
        boolean expandOnly = false;
        if (deployedNow != null && Deliveries.canary(run.appSpec())) {
            ExpandContract split = toApply.expandContract();
            if (!split.splittable()) {
                return StageOutcome.failed("CannotCanary", cannotCanary(split));
            }
            toApply = split.expand();
            expandOnly = !split.contract().isEmpty();
            deferred = expandOnly ? "; expand part only: " + split.contract().steps().size()
                    + " contract step(s) run after the canary is promoted" : "";
        }
        String reused = plan.getAlreadyApplied() == null ? "" : "; " + plan.getAlreadyApplied().size() + " step(s) already in the schema from "
                + plannedOver + " not applied again";
        boolean approved = run.recorded().getApproval() != null && run.recorded().getApproval().getState() == ApprovalState.Approved;
        try {
            MigrationOutcome outcome = migrator.apply(planning.target(tenant.get(), run.app(), run.client()), run.number(), run.name(),
                    toApply, approved);
            boolean onlyExpanded = expandOnly;
            return StageOutcome.succeeded(outcome.message() + deferred + reused, s -> s.getMigrationPlan().setExpandOnly(onlyExpanded ? Boolean.TRUE : null));
        } catch (MigrationRefusedException e) {
            return StageOutcome.failed("MigrationRefused", e.getMessage());
        } catch (NameConflictException e) {
            return StageOutcome.failed("NameConflict", e.getMessage()); // nothing was changed; a person must resolve it
        } catch (SchemaMigrationException e) {
            return StageOutcome.failed("MigrationFailed", e.getMessage() + "; nothing of this version stayed in the schema (it ran in one transaction)");
        }
    }

    /**
     * During a canary the stable revision keeps serving on the migrated schema: expand steps run first,
     * contract steps after promotion. A step that changes what both revisions use (a narrowing type change,
     * a column dropped and re-created) fits neither moment, so the plan is refused before anything runs.
     */
    private static String cannotCanary(ExpandContract split) {
        List<String> inPlace = split.inPlace().stream().map(s -> s.description()).toList();
        return "spec.rollout.strategy canary: the migration plan has step(s) " + inPlace + " that neither the serving revision nor the"
                + " canary survives while both run; nothing was migrated. Either ship it with spec.rollout.strategy direct, or in two"
                + " Generations: first add the new field beside the old one (a canary), then remove the old one"
                + " (docs/canary.md#migrations-during-a-canary)";
    }

    /** Another Generation of the app past approval and not finished: it migrates and deploys first. */
    static Optional<Generation> olderInFlight(GenerationRun run, List<Generation> siblings) {
        return siblings.stream()
                .filter(g -> GenerationRun.numberOf(g.getMetadata().getName()) < run.number())
                .filter(g -> g.getStatus() != null && !GenerationTimeline.finished(g.getStatus()))
                .filter(g -> g.getStatus().getStages().stream().anyMatch(s -> s.getName() == StageName.AwaitApproval && GenerationTimeline.done(s)))
                .findFirst();
    }
}
