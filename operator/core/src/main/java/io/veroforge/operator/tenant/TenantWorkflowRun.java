package io.veroforge.operator.tenant;

import io.javaoperatorsdk.operator.AggregatedOperatorException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.workflow.WorkflowReconcileResult;
import io.veroforge.api.v1alpha1.Tenant;

/**
 * Runs the Tenant's namespace workflow and hands back its result with the dependents' failures in
 * it, which the status reports piece by piece. {@code @Workflow(handleExceptionsInReconciler = true)}
 * asks JOSDK for exactly that, but QOSDK 7.2 records the workflow with that flag off
 * ({@code QuarkusWorkflowSpec.handleExceptionsInReconciler()} answers false), so JOSDK throws when
 * a dependent fails. It stores the result in the context before it throws; that is what is read
 * here, so an API server that refused or dropped a call is a {@code NamespaceFailed}-style
 * condition retried with backoff, not an {@code InternalError} taken for a bug (found with the
 * API cut of docs/reliability.md).
 */
final class TenantWorkflowRun {
    private TenantWorkflowRun() {
    }

    static WorkflowReconcileResult reconcile(Context<Tenant> context) {
        var workflow = context.managedWorkflowAndDependentResourceContext();
        try {
            return workflow.reconcileManagedWorkflow();
        } catch (AggregatedOperatorException dependentsFailed) {
            return workflow.getWorkflowReconcileResult().orElseThrow(() -> dependentsFailed);
        }
    }
}
