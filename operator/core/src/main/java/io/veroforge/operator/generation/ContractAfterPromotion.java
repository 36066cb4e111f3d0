package io.veroforge.operator.generation;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

import io.veroforge.api.v1alpha1.ApprovalState;
import io.veroforge.api.v1alpha1.MigrationPlan;
import io.veroforge.generator.migrate.ExpandContract;
import io.veroforge.operator.db.AppSchemaMigrator;
import io.veroforge.operator.db.MigrationOutcome;
import io.veroforge.operator.db.MigrationRefusedException;
import io.veroforge.operator.db.NameConflictException;
import io.veroforge.operator.db.SchemaMigrationException;

/**
 * The contract half of a canaried Generation's migration: once its Canary promoted the new revision and the
 * old one no longer serves, the steps only the old revision needed (drops, a NOT NULL the old revision would
 * break, a placeholder default) run as version {@code n.1}. The promoted revision already serves on the
 * expanded schema, so a contract that cannot run yet waits and says why instead of failing the release.
 */
final class ContractAfterPromotion {
    /** A contract step that fails on existing rows needs a person to fix the rows; no need to ask sooner. */
    static final Duration RETRY = Duration.ofMinutes(1);

    private final MigrationPlanning planning;
    private final AppSchemaMigrator migrator;

    ContractAfterPromotion(MigrationPlanning planning, AppSchemaMigrator migrator) {
        this.planning = planning;
        this.migrator = migrator;
    }

    /** Runs the contract steps, if any, then answers {@code verified} with what was done; or why it has to wait. */
    StageOutcome run(GenerationRun run, Function<String, StageOutcome> verified) {
        MigrationPlan recorded = run.recorded().getMigrationPlan();
        ExpandContract split = recorded == null ? null : MigrationPlanning.toGenerator(recorded).expandContract();
        if (split == null || split.contract().isEmpty()) {
            return verified.apply("");
        }
        Optional<AppTenant> tenant = AppTenant.of(run.client(), run.namespace());
        if (tenant.isEmpty() || !tenant.get().databaseReady()) {
            return StageOutcome.waiting("ContractPending", "promoted; the contract steps wait for the tenant's database ("
                    + (tenant.isEmpty() ? AppTenant.notFound(run.namespace()) : "not ready") + ")", Duration.ofSeconds(10));
        }
        boolean approved = run.recorded().getApproval() != null && run.recorded().getApproval().getState() == ApprovalState.Approved;
        try {
            MigrationOutcome outcome = migrator.applyContract(planning.target(tenant.get(), run.app(), run.client()), run.number(), run.name(),
                    split.contract(), approved);
            return verified.apply("; contract " + (outcome.alreadyApplied() ? "version " + run.number() + ".1 was applied before"
                    : "applied version " + run.number() + ".1 (" + outcome.steps() + " steps) to schema " + outcome.schema()));
        } catch (SchemaMigrationException e) {
            return StageOutcome.waiting("ContractFailed", e.getMessage() + ". The promoted revision serves on the expanded schema meanwhile;"
                    + " fix the rows the step names and the contract is tried again every " + RETRY.toMinutes() + " minute(s)", RETRY);
        } catch (MigrationRefusedException e) {
            return StageOutcome.failed("ContractRefused", e.getMessage());
        } catch (NameConflictException e) {
            return StageOutcome.failed("NameConflict", e.getMessage());
        }
    }
}
