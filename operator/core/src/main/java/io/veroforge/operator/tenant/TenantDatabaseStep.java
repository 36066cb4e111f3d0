package io.veroforge.operator.tenant;

import java.time.Duration;
import java.util.Optional;

import org.jboss.logging.Logger;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.workflow.WorkflowReconcileResult;
import io.veroforge.api.v1alpha1.Tenant;
import io.veroforge.operator.conditions.ConditionOutcome;
import io.veroforge.operator.db.DatabaseUnavailableException;
import io.veroforge.operator.failures.Failure;
import io.veroforge.operator.failures.InternalErrors;
import io.veroforge.operator.db.NameConflictException;
import io.veroforge.operator.db.TenantDatabaseProvisioner;

import static io.veroforge.operator.tenant.TenantConditions.*;

/**
 * Gives the tenant its PostgreSQL home, by tier. Basic and pro are SQL on the shared server
 * (what a workflow cannot express); enterprise is a CloudNativePG Cluster the workflow already
 * applied, so this only reads whether it is serving.
 */
final class TenantDatabaseStep {
    private static final Logger LOG = Logger.getLogger(TenantDatabaseStep.class);
    /** The retry's longest interval: a bug repeats whenever it is retried, so no sooner. */
    static final Duration INTERNAL_ERROR_RECHECK = Duration.ofSeconds(60);

    private final TenantDatabaseProvisioner provisioner;
    private final OldNameCollisionCheck oldNames;
    private final InternalErrors internalErrors;

    TenantDatabaseStep(TenantDatabaseProvisioner provisioner, OldNameCollisionCheck oldNames, InternalErrors internalErrors) {
        this.provisioner = provisioner;
        this.oldNames = oldNames;
        this.internalErrors = internalErrors;
    }

    /** A name conflict needs a person; look again this rarely (the retry's longest backoff), not in a hot loop. */
    static final Duration NAME_CONFLICT_RECHECK = Duration.ofMinutes(1);

    /**
     * How often a Tenant waiting for its CloudNativePG cluster looks again even without an event:
     * the Cluster's own events bring it back at once, this only bounds how long a missed one
     * (an informer resync, an event filtered as the operator's own write) can leave it stale.
     */
    static final Duration CLUSTER_RECHECK = Duration.ofSeconds(30);

    /**
     * Outcome of the step; {@code transientFailure} says a retry with backoff may fix it,
     * {@code recheckAfter} (or null) when to look again at something outside the operator's hands.
     */
    record Result(ConditionOutcome condition, boolean transientFailure, Duration recheckAfter) {
        Result(ConditionOutcome condition, boolean transientFailure) {
            this(condition, transientFailure, null);
        }
    }

    Result provision(Tenant tenant, Context<Tenant> context, WorkflowReconcileResult workflow, DatabaseLocation location) {
        if (workflow.getErroredDependents().keySet().stream().anyMatch(CredentialsSecretDependent.class::isInstance)) {
            return new Result(ConditionOutcome.failed(DATABASE_READY, CREDENTIALS_SECRET_FAILED,
                    "could not write Secret " + TenantObjects.CREDENTIALS_SECRET + "; see the operator log"), true);
        }
        return switch (tenant.getSpec().getTier()) {
            case basic, pro -> onSharedServer(tenant, context, location);
            case enterprise -> clusterState(context);
        };
    }

    private Result onSharedServer(Tenant tenant, Context<Tenant> context, DatabaseLocation location) {
        String password = context.getSecondaryResource(Secret.class).map(CredentialsSecretDependent::password).orElse(null);
        if (password == null) {
            return new Result(ConditionOutcome.failed(DATABASE_READY, WAITING,
                    "waiting for Secret " + TenantObjects.CREDENTIALS_SECRET + " in " + tenant.namespaceName()), true);
        }
        try {
            provisioner.ensure(tenant.getMetadata().getName(), tenant.getMetadata().getUid(), tenant.getSpec().getTier(), password);
            Optional<String> oldNameCollision = oldNames.conflictOf(tenant, context.getClient());
            if (oldNameCollision.isPresent()) {
                return new Result(ConditionOutcome.failed(DATABASE_READY, NAME_CONFLICT, oldNameCollision.get()), false, NAME_CONFLICT_RECHECK);
            }
            String where = location.schema() == null || "Database".equals(location.kind())
                    ? "database " + location.database() : "schema " + location.schema() + " in database " + location.database();
            return new Result(ConditionOutcome.met(DATABASE_READY, PROVISIONED,
                    where + " on " + location.host() + ":" + location.port() + ", role " + location.role()), false);
        } catch (NameConflictException e) {
            return new Result(ConditionOutcome.failed(DATABASE_READY, NAME_CONFLICT, e.getMessage()), false, NAME_CONFLICT_RECHECK);
        } catch (DatabaseUnavailableException e) {
            return new Result(ConditionOutcome.failed(DATABASE_READY, DATABASE_UNAVAILABLE,
                    e.getMessage() + "; retrying with backoff"), true);
        } catch (RuntimeException e) {
            Failure failure = Failure.of(e);
            if (failure instanceof Failure.Internal bug) {
                // a bug, not an outage: said as one, counted, and looked at again at the longest backoff
                LOG.errorf(e, "Tenant %s: %s (a bug in the operator)", tenant.getMetadata().getName(), bug.describe());
                internalErrors.count("tenant", bug);
                return new Result(ConditionOutcome.failed(DATABASE_READY, INTERNAL_ERROR, bug.describe()
                        + " — a bug in the operator (its log has the stack trace); retried every " + INTERNAL_ERROR_RECHECK.toSeconds() + " s"),
                        false, INTERNAL_ERROR_RECHECK);
            }
            return new Result(ConditionOutcome.failed(DATABASE_READY, DATABASE_ERROR,
                    TenantStatusAggregator.rootMessage(e) + "; retrying with backoff"), true);
        }
    }

    private static Result clusterState(Context<Tenant> context) {
        return context.getSecondaryResource(GenericKubernetesResource.class)
                .map(cluster -> DatabaseClusterDependent.isReady(cluster)
                        ? new Result(ConditionOutcome.met(DATABASE_READY, "ClusterReady",
                                "CloudNativePG cluster " + TenantObjects.DATABASE_CLUSTER + " is serving"), false)
                        : new Result(ConditionOutcome.failed(DATABASE_READY, CLUSTER_NOT_READY,
                                "CloudNativePG cluster " + TenantObjects.DATABASE_CLUSTER + ": " + DatabaseClusterDependent.describe(cluster)),
                                false, CLUSTER_RECHECK))
                .orElse(new Result(ConditionOutcome.failed(DATABASE_READY, CLUSTER_NOT_READY,
                        "CloudNativePG cluster " + TenantObjects.DATABASE_CLUSTER + " not created yet"), false, CLUSTER_RECHECK));
    }
}
