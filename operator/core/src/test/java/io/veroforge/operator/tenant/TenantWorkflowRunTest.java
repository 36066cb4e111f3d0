package io.veroforge.operator.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.AggregatedOperatorException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.api.reconciler.dependent.managed.ManagedWorkflowAndDependentResourceContext;
import io.javaoperatorsdk.operator.processing.dependent.workflow.WorkflowReconcileResult;
import io.quarkiverse.operatorsdk.runtime.QuarkusWorkflowSpec;
import io.veroforge.api.v1alpha1.Tenant;

/**
 * The workflow's failures reach the status as results, not as an exception taken for a bug, even
 * though QOSDK drops {@code handleExceptionsInReconciler} (so JOSDK throws when a dependent fails).
 */
class TenantWorkflowRunTest {

    @Test
    void qosdkStillRecordsTheWorkflowWithExceptionHandlingOff() {
        // when this fails, QOSDK honours the flag and TenantWorkflowRun's catch is no longer needed
        assertThat(new QuarkusWorkflowSpec(Map.of(), true, true).handleExceptionsInReconciler()).isFalse();
    }

    @Test
    void aDependentTheApiRefusedIsAResultWithItsErrorNotAnException() {
        KubernetesClientException refused = new KubernetesClientException("Connection was closed");
        DependentResource<?, ?> namespace = new NamespaceDependent();
        WorkflowReconcileResult stored = new WorkflowReconcileResult() {
            @Override
            public Map<DependentResource, Exception> getErroredDependents() {
                return Map.of(namespace, refused);
            }

            @Override
            public boolean erroredDependentsExist() {
                return true;
            }
        };
        Context<Tenant> context = contextWhoseWorkflowThrows(new AggregatedOperatorException("Exception(s) during workflow execution.",
                Map.of("namespace", refused)), Optional.of(stored));

        WorkflowReconcileResult result = TenantWorkflowRun.reconcile(context);

        assertThat(result.erroredDependentsExist()).isTrue();
        assertThat(result.getErroredDependents()).containsEntry(namespace, refused);
    }

    @Test
    void withoutAStoredResultTheFailureIsNotSwallowed() {
        AggregatedOperatorException thrown = new AggregatedOperatorException("Exception(s) during workflow execution.", Map.of());
        assertThatThrownBy(() -> TenantWorkflowRun.reconcile(contextWhoseWorkflowThrows(thrown, Optional.empty()))).isSameAs(thrown);
    }

    @SuppressWarnings("unchecked")
    private static Context<Tenant> contextWhoseWorkflowThrows(AggregatedOperatorException e, Optional<WorkflowReconcileResult> stored) {
        ManagedWorkflowAndDependentResourceContext workflow = (ManagedWorkflowAndDependentResourceContext) Proxy.newProxyInstance(
                TenantWorkflowRunTest.class.getClassLoader(), new Class<?>[] {ManagedWorkflowAndDependentResourceContext.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "reconcileManagedWorkflow" -> throw e;
                    case "getWorkflowReconcileResult" -> stored;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (Context<Tenant>) Proxy.newProxyInstance(TenantWorkflowRunTest.class.getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("managedWorkflowAndDependentResourceContext")) {
                        return workflow;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
