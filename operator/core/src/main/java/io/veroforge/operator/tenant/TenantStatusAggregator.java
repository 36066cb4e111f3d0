package io.veroforge.operator.tenant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.WorkflowReconcileResult;
import io.veroforge.api.v1alpha1.Tenant;
import io.veroforge.api.v1alpha1.TenantStatus;
import io.veroforge.operator.conditions.StatusReporter;
import io.veroforge.operator.failures.Failure;
import io.veroforge.operator.conditions.ConditionOutcome;

import static io.veroforge.operator.tenant.TenantConditions.*;

/**
 * The one place a Tenant's status is built. Each condition is read off the workflow result
 * (which dependent reconciled, failed or is not ready yet) and the database outcome; Ready is
 * True only when all are, and otherwise names the first failing piece.
 */
final class TenantStatusAggregator {
    private final StatusReporter<Tenant, TenantStatus> reporter;

    TenantStatusAggregator(StatusReporter<Tenant, TenantStatus> reporter) {
        this.reporter = reporter;
    }

    TenantStatus provisioned(Tenant tenant, WorkflowReconcileResult workflow, ConditionOutcome database,
            DatabaseLocation location, Optional<ResourceQuota> quota, Optional<String> expiresAt) {
        List<ConditionOutcome> outcomes = new ArrayList<>();
        outcomes.add(dependents(NAMESPACE_READY, workflow, "namespace " + tenant.namespaceName() + " exists",
                Map.entry(NamespaceDependent.class, NAMESPACE_FAILED)));
        outcomes.add(dependents(QUOTA_APPLIED, workflow, "ResourceQuota " + TenantObjects.QUOTA + " and LimitRange " + TenantObjects.LIMITS + " applied",
                Map.entry(QuotaDependent.class, QUOTA_FAILED), Map.entry(LimitRangeDependent.class, LIMIT_RANGE_FAILED)));
        outcomes.add(dependents(NETWORK_ISOLATED, workflow, "ingress only from the tenant, the platform and allowed namespaces",
                Map.entry(NetworkPolicyDependent.class, NETWORK_POLICY_FAILED)));
        outcomes.add(dependents(ACCESS_GRANTED, workflow, tenant.getSpec().getOwners().size() + " owner(s) bound to " + TenantObjects.ADMIN_CLUSTER_ROLE,
                Map.entry(OwnerAccessDependent.class, OWNER_ACCESS_FAILED)));
        outcomes.add(database);

        TenantStatus status = base(tenant, outcomes);
        status.setNamespace(tenant.namespaceName());
        status.setDatabase(location.toStatus());
        status.setCredentialsSecret(TenantObjects.CREDENTIALS_SECRET);
        quota.map(TenantStatusAggregator::usage).ifPresent(status::setQuotaUsage);
        expiresAt.ifPresent(status::setExpiresAt);
        return status;
    }

    /**
     * A spec that must be fixed by its author: nothing (more) is done. What was provisioned before
     * the bad edit is still there, and status keeps saying where, which is also how a later tier
     * change is recognised.
     */
    TenantStatus invalid(Tenant tenant, List<String> problems) {
        TenantStatus status = base(tenant, List.of(ConditionOutcome.failed(READY, INVALID_SPEC, String.join("; ", problems))));
        if (tenant.getStatus() != null) {
            status.setNamespace(tenant.getStatus().getNamespace());
            status.setDatabase(tenant.getStatus().getDatabase());
            status.setCredentialsSecret(tenant.getStatus().getCredentialsSecret());
        }
        return status;
    }

    /** A failure outside the steps (the API server refused a call, or a bug): keep what we knew, say what broke. */
    TenantStatus failed(Tenant tenant, Failure failure) {
        TenantStatus previous = tenant.getStatus() == null ? new TenantStatus() : tenant.getStatus();
        List<ConditionOutcome> outcomes = new ArrayList<>();
        for (Condition c : previous.getConditions()) {
            if (!READY.equals(c.getType())) {
                outcomes.add(ConditionOutcome.of(c));
            }
        }
        outcomes.add(ConditionOutcome.failed(READY, failure.reason(), failure instanceof Failure.Internal bug
                ? bug.describe() + " — a bug in the operator (its log has the stack trace)" : failure.message()));
        TenantStatus status = base(tenant, outcomes);
        status.setNamespace(previous.getNamespace());
        status.setDatabase(previous.getDatabase());
        status.setCredentialsSecret(previous.getCredentialsSecret());
        status.setQuotaUsage(previous.getQuotaUsage());
        status.setExpiresAt(previous.getExpiresAt());
        return status;
    }

    private TenantStatus base(Tenant tenant, List<ConditionOutcome> outcomes) {
        List<ConditionOutcome> all = new ArrayList<>(outcomes);
        if (outcomes.stream().noneMatch(o -> READY.equals(o.type()))) {
            all.add(ready(outcomes));
        }
        return reporter.conditioned(tenant, new TenantStatus(), all);
    }

    private static ConditionOutcome ready(List<ConditionOutcome> outcomes) {
        return outcomes.stream().filter(o -> !o.ok()).findFirst()
                .map(first -> ConditionOutcome.failed(READY, first.reason(), first.type() + ": " + first.message()))
                .orElse(ConditionOutcome.met(READY, PROVISIONED, "namespace, quota, isolation, access and database are in place"));
    }

    /** @param kinds each dependent with the reason its failure is reported under (a constant users match, not a class name) */
    @SafeVarargs
    private static ConditionOutcome dependents(String type, WorkflowReconcileResult workflow, String okMessage,
            Map.Entry<Class<? extends DependentResource<?, ?>>, String>... kinds) {
        for (var entry : kinds) {
            Class<? extends DependentResource<?, ?>> kind = entry.getKey();
            Optional<Exception> error = workflow.getErroredDependents().entrySet().stream()
                    .filter(e -> kind.isInstance(e.getKey())).map(Map.Entry::getValue).findFirst();
            if (error.isPresent()) {
                return ConditionOutcome.failed(type, entry.getValue(), rootMessage(error.get()));
            }
            boolean reconciled = workflow.getReconciledDependents().stream().anyMatch(kind::isInstance);
            if (!reconciled) {
                return ConditionOutcome.failed(type, WAITING, "waiting for the namespace to be created");
            }
        }
        return ConditionOutcome.met(type, PROVISIONED, okMessage);
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** {@code used/hard} per resource, as an SRE reads it; {@code 0} when nothing is counted yet. */
    private static Map<String, String> usage(ResourceQuota quota) {
        Map<String, String> usage = new TreeMap<>();
        if (quota.getSpec() == null || quota.getSpec().getHard() == null) {
            return usage;
        }
        Map<String, Quantity> used = quota.getStatus() == null || quota.getStatus().getUsed() == null
                ? Map.of() : quota.getStatus().getUsed();
        quota.getSpec().getHard().forEach((resource, hard) ->
                usage.put(resource, (used.containsKey(resource) ? used.get(resource).toString() : "0") + "/" + hard));
        return usage;
    }
}
