package io.veroforge.operator.tenant;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.processing.dependent.workflow.WorkflowReconcileResult;
import io.javaoperatorsdk.operator.processing.retry.GradualRetry;
import io.veroforge.api.v1alpha1.DeletionPolicy;
import io.veroforge.api.v1alpha1.Tenant;
import io.veroforge.api.v1alpha1.TenantStatus;
import io.veroforge.api.v1alpha1.Tier;
import io.veroforge.operator.conditions.ConditionAggregator;
import io.veroforge.operator.conditions.FailureBackoff;
import io.veroforge.operator.conditions.StatusReporter;
import io.veroforge.operator.config.PlatformConfig;
import io.veroforge.operator.db.TenantDatabaseProvisioner;
import io.veroforge.operator.events.EventRecorder;
import io.veroforge.operator.failures.Failure;
import io.veroforge.operator.failures.InternalErrors;

/**
 * A Tenant's story: check the spec; give it a namespace with quota, limits, isolation and owner
 * access (the workflow below); give it a database; report. Deleting it keeps the data unless it
 * says {@code deletionPolicy: Delete}. Transient failures (the database is down) are reported and
 * looked at again with a backoff read from status, forever; an invalid spec is reported and left
 * alone until someone edits it.
 */
@Workflow(explicitInvocation = true, handleExceptionsInReconciler = true, dependents = {
        @Dependent(name = "namespace", type = NamespaceDependent.class),
        @Dependent(name = "quota", type = QuotaDependent.class, dependsOn = "namespace"),
        @Dependent(name = "limits", type = LimitRangeDependent.class, dependsOn = "namespace"),
        @Dependent(name = "network", type = NetworkPolicyDependent.class, dependsOn = "namespace"),
        @Dependent(name = "access", type = OwnerAccessDependent.class, dependsOn = "namespace"),
        @Dependent(name = "credentials", type = CredentialsSecretDependent.class, dependsOn = "namespace"),
        @Dependent(name = "cluster", type = DatabaseClusterDependent.class, dependsOn = "credentials",
                activationCondition = EnterpriseTier.class),
})
@ControllerConfiguration(name = "tenant")
@GradualRetry(maxAttempts = -1, initialInterval = 1_000, intervalMultiplier = 2.0, maxInterval = 60_000)
public class TenantReconciler implements Reconciler<Tenant>, Cleaner<Tenant> {
    private static final Logger LOG = Logger.getLogger(TenantReconciler.class);
    /** How soon a deletion that met an unreachable database tries again. */
    private static final Duration DELETE_RETRY_OUTAGE = Duration.ofSeconds(5);

    private final PlatformConfig config;
    private final TenantDatabaseProvisioner provisioner;
    private final EventRecorder events;
    private final OldNameCollisionCheck oldNames;
    private final InternalErrors internalErrors;
    /** Warnings: each failing piece once; Ready only for a reason of its own (an invalid spec, a bug). */
    private final StatusReporter<Tenant, TenantStatus> reporter;
    private final TenantStatusAggregator statuses;
    private final FailureBackoff backoff = new FailureBackoff();

    public TenantReconciler(PlatformConfig config, TenantDatabaseProvisioner provisioner, EventRecorder events,
            OldNameCollisionCheck oldNames, InternalErrors internalErrors) {
        this.config = config;
        this.provisioner = provisioner;
        this.events = events;
        this.oldNames = oldNames;
        this.internalErrors = internalErrors;
        this.reporter = new StatusReporter<>(new ConditionAggregator(), events::warning, StatusReporter.ownFailure(TenantConditions.READY));
        this.statuses = new TenantStatusAggregator(reporter);
    }

    @Override
    public UpdateControl<Tenant> reconcile(Tenant tenant, Context<Tenant> context) {
        List<String> problems = TenantSpecProblems.of(tenant);
        if (!problems.isEmpty()) {
            return reporter.report(tenant, statuses.invalid(tenant, problems));
        }
        Optional<Instant> expiresAt = TenantExpiry.expiresAt(tenant);
        if (expiresAt.isPresent() && !expiresAt.get().isAfter(Instant.now())) {
            events.normal(tenant, "Expired", "spec.ttl " + tenant.getSpec().getTtl() + " has passed; deleting the Tenant");
            context.getClient().resource(tenant).delete();
            return UpdateControl.noUpdate();
        }

        WorkflowReconcileResult workflow = TenantWorkflowRun.reconcile(context);
        DatabaseLocation location = DatabaseLocation.of(tenant, config.postgres());
        TenantDatabaseStep.Result database = new TenantDatabaseStep(provisioner, oldNames, internalErrors).provision(tenant, context, workflow, location);
        TenantStatus status = statuses.provisioned(tenant, workflow, database.condition(), location,
                context.getSecondaryResource(ResourceQuota.class), expiresAt.map(Instant::toString));

        Optional<Duration> retry = Optional.empty();
        if (database.transientFailure() || workflow.erroredDependentsExist()) {
            // An expected outcome, not an exception: status says why, and the next attempt is ours to
            // schedule (a backoff read from that status), not left to JOSDK's retry (docs/reliability.md).
            retry = Optional.of(backoff.next(tenant.getStatus() == null ? List.of() : tenant.getStatus().getConditions(), TenantConditions.READY));
            long seconds = retry.get().toSeconds();
            status.condition(TenantConditions.READY).ifPresent(ready -> LOG.infof("Tenant %s not ready: %s: %s (next attempt in %d s)",
                    tenant.getMetadata().getName(), ready.getReason(), ready.getMessage(), seconds));
        }
        UpdateControl<Tenant> control = reporter.report(tenant, status);
        Stream.of(expiresAt.map(at -> Duration.between(Instant.now(), at).plusSeconds(1)), Optional.ofNullable(database.recheckAfter()), retry)
                .flatMap(Optional::stream).min(Comparator.naturalOrder())
                .ifPresent(control::rescheduleAfter);
        return control;
    }

    @Override
    public ErrorStatusUpdateControl<Tenant> updateErrorStatus(Tenant tenant, Context<Tenant> context, Exception e) {
        Failure failure = Failure.of(e);
        if (failure instanceof Failure.Internal bug) {
            LOG.errorf(e, "reconciling Tenant %s failed: %s (a bug in the operator)", tenant.getMetadata().getName(), bug.describe());
            internalErrors.count("tenant", bug);
            // a bug repeats on every retry: look again at the longest backoff, not on JOSDK's doubling from 1 s
            return reporter.reportError(tenant, statuses.failed(tenant, bug)).withNoRetry()
                    .rescheduleAfter(TenantDatabaseStep.INTERNAL_ERROR_RECHECK);
        }
        LOG.warnf(e, "reconciling Tenant %s failed: %s", tenant.getMetadata().getName(), failure.message());
        return reporter.reportError(tenant, statuses.failed(tenant, failure));
    }

    @Override
    public DeleteControl cleanup(Tenant tenant, Context<Tenant> context) {
        if (!TenantSpecProblems.nameIsSafe(tenant) || tenant.getSpec() == null || tenant.getSpec().getTier() == null) {
            // Such a Tenant never got past the checks, so nothing was created for it. Other problems
            // (an edit that emptied the owners, say) do not stop the cleanup of what exists.
            return DeleteControl.defaultDelete();
        }
        String name = tenant.getMetadata().getName();
        // what was provisioned is what must be dropped or kept, whatever an unchecked edit says now
        Tier tier = ProvisionedTier.of(tenant).orElse(tenant.getSpec().getTier());
        boolean drop = tenant.getSpec().getDeletionPolicy() == DeletionPolicy.Delete;
        if (tier != Tier.enterprise) {
            try {
                releaseData(tenant, name, tier, drop);
            } catch (RuntimeException e) {
                // The finalizer stays until the data is dealt with: say why once (repeats fold into the
                // event's count), and look again at the longest backoff rather than in JOSDK's loop.
                Failure failure = Failure.of(e);
                // an outage clears by itself soon; anything else (a role that still owns objects, a bug) needs a person
                Duration retry = "DatabaseUnavailable".equals(failure.reason()) ? DELETE_RETRY_OUTAGE : TenantDatabaseStep.INTERNAL_ERROR_RECHECK;
                if (failure instanceof Failure.Internal bug) {
                    internalErrors.count("tenant", bug);
                    LOG.errorf(e, "deleting Tenant %s: %s (a bug in the operator)", name, bug.describe());
                } else {
                    LOG.warnf("deleting Tenant %s: %s (retrying in %s s)", name, failure.message(), retry.toSeconds());
                }
                events.warning(tenant, failure.reason(), "deletionPolicy " + (drop ? "Delete" : "Retain") + " could not be carried out: "
                        + failure.message() + "; the Tenant stays until it can (retrying every " + retry.toSeconds() + " s)");
                return DeleteControl.noFinalizerRemoval().rescheduleAfter(retry.toMillis());
            }
        } else if (!drop) {
            // The cluster's volumes live in the namespace: keeping the data means keeping it.
            context.getClient().rbac().roleBindings().inNamespace(tenant.namespaceName())
                    .withName(TenantObjects.OWNERS_BINDING).delete();
            events.normal(tenant, "DataRetained", "deletionPolicy Retain: kept namespace " + tenant.namespaceName()
                    + " with its CloudNativePG cluster; owner access removed");
        }
        context.managedWorkflowAndDependentResourceContext().cleanupManageWorkflow();
        return DeleteControl.defaultDelete();
    }

    /** Basic and pro: drops or keeps the data on the shared server as the deletion policy says. */
    private void releaseData(Tenant tenant, String name, Tier tier, boolean drop) {
        if (drop) {
            List<String> kept = provisioner.drop(name, tenant.getMetadata().getUid(), tier);
            events.normal(tenant, "DataDeleted", "deletionPolicy Delete: dropped the " + tier + " tenant's data and role");
            if (!kept.isEmpty()) {
                events.warning(tenant, TenantConditions.NAME_CONFLICT, "kept " + String.join(", ", kept)
                        + ": not recorded as this Tenant's, so not dropped (what its role owned now belongs to the"
                        + " platform's admin user); see docs/tenants.md#name-conflicts");
            }
        } else {
            provisioner.retain(name, tier);
            events.normal(tenant, "DataRetained", "deletionPolicy Retain: kept the " + tier + " tenant's data; its role can no longer log in");
        }
    }
}
