package io.veroforge.operator.tenant;

import io.veroforge.operator.platform.InTenantNamespaceDependent;
import java.util.Map;
import java.util.TreeMap;

import jakarta.inject.Inject;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.veroforge.api.v1alpha1.Tenant;
import io.veroforge.api.v1alpha1.TenantQuota;
import io.veroforge.operator.config.PlatformConfig;

/** The namespace's ResourceQuota: the tenant's spec.quota over the platform defaults. */
@KubernetesDependent(informer = @Informer(labelSelector = TenantObjects.MANAGED_SELECTOR))
public class QuotaDependent extends InTenantNamespaceDependent<ResourceQuota> {

    @Inject
    PlatformConfig config;

    public QuotaDependent() {
        super(ResourceQuota.class, TenantObjects.QUOTA);
    }

    @Override
    protected ResourceQuota desired(Tenant tenant, Context<Tenant> context) {
        TenantQuota quota = tenant.getSpec().getQuota() == null ? new TenantQuota() : tenant.getSpec().getQuota();
        var defaults = config.tenant();
        Map<String, Quantity> hard = new TreeMap<>();
        hard.put("requests.cpu", orDefault(quota.getCpu(), defaults.defaultCpu()));
        hard.put("requests.memory", orDefault(quota.getMemory(), defaults.defaultMemory()));
        hard.put("requests.storage", orDefault(quota.getStorage(), defaults.defaultStorage()));
        hard.put("pods", new Quantity(String.valueOf(quota.getPods() == null ? defaults.defaultPods() : quota.getPods())));
        return new ResourceQuotaBuilder()
                .withMetadata(TenantObjects.inNamespace(tenant, TenantObjects.QUOTA))
                .withNewSpec().withHard(hard).endSpec()
                .build();
    }

    private static Quantity orDefault(Quantity value, String fallback) {
        return value == null ? new Quantity(fallback) : value;
    }
}
