package io.veroforge.operator.tenant;

import io.veroforge.operator.platform.InTenantNamespaceDependent;
import java.util.Map;

import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.LimitRangeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.veroforge.api.v1alpha1.ContainerLimits;
import io.veroforge.api.v1alpha1.ResourcePair;
import io.veroforge.api.v1alpha1.Tenant;

/**
 * The namespace's LimitRange. A ResourceQuota on requests makes pods without requests
 * unschedulable, so every tenant gets container defaults as well as maxima.
 */
@KubernetesDependent(informer = @Informer(labelSelector = TenantObjects.MANAGED_SELECTOR))
public class LimitRangeDependent extends InTenantNamespaceDependent<LimitRange> {
    private static final ResourcePair DEFAULT_REQUEST = new ResourcePair("100m", "128Mi");
    private static final ResourcePair DEFAULT_LIMIT = new ResourcePair("500m", "512Mi");
    private static final ResourcePair MAX = new ResourcePair("2", "4Gi");

    public LimitRangeDependent() {
        super(LimitRange.class, TenantObjects.LIMITS);
    }

    @Override
    protected LimitRange desired(Tenant tenant, Context<Tenant> context) {
        ContainerLimits limits = tenant.getSpec().getLimits() == null ? new ContainerLimits() : tenant.getSpec().getLimits();
        return new LimitRangeBuilder()
                .withMetadata(TenantObjects.inNamespace(tenant, TenantObjects.LIMITS))
                .withNewSpec()
                .addNewLimit()
                .withType("Container")
                .withDefaultRequest(amounts(limits.getDefaultRequest(), DEFAULT_REQUEST))
                .withDefault(amounts(limits.getDefaultLimit(), DEFAULT_LIMIT))
                .withMax(amounts(limits.getMax(), MAX))
                .endLimit()
                .endSpec()
                .build();
    }

    private static Map<String, Quantity> amounts(ResourcePair declared, ResourcePair fallback) {
        ResourcePair pair = declared == null ? fallback : declared;
        return Map.of(
                "cpu", pair.getCpu() == null ? fallback.getCpu() : pair.getCpu(),
                "memory", pair.getMemory() == null ? fallback.getMemory() : pair.getMemory());
    }
}
