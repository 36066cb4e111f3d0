package io.veroforge.console;

import java.time.Instant;
import java.util.List;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.veroforge.api.v1alpha1.Tenant;
import io.veroforge.api.v1alpha1.TenantOwner;
import io.veroforge.api.v1alpha1.TenantOwner.OwnerKind;
import io.veroforge.api.v1alpha1.TenantSpec;
import io.veroforge.api.v1alpha1.TenantStatus;
import io.veroforge.api.v1alpha1.Tier;

/** Test Tenants, and the status writes the Tenant reconciler would make (no controller runs in these tests). */
public final class Tenants {
    private Tenants() {
    }

    public static Tenant ownedBy(String name, OwnerKind kind, String owner) {
        TenantSpec spec = new TenantSpec();
        spec.setTier(Tier.basic);
        spec.setDisplayName(name + " display");
        spec.setOwners(List.of(new TenantOwner(kind, owner, null)));
        Tenant tenant = new Tenant();
        tenant.setMetadata(new ObjectMetaBuilder().withName(name).build());
        tenant.setSpec(spec);
        return tenant;
    }

    public static void ensure(Tenant tenant) {
        try (KubernetesClient admin = LocalApiResource.admin()) {
            if (admin.resources(Tenant.class).withName(tenant.getMetadata().getName()).get() == null) {
                admin.resource(tenant).create();
            }
        }
    }

    /** What the operator reports: {@code Ready} with the given status, reason and message. */
    public static void reportReady(String name, String status, String reason, String message) {
        try (KubernetesClient admin = LocalApiResource.admin()) {
            Tenant tenant = admin.resources(Tenant.class).withName(name).get();
            TenantStatus reported = new TenantStatus();
            reported.setNamespace("tenant-" + name);
            Condition ready = new ConditionBuilder().withType("Ready").withStatus(status).withReason(reason)
                    .withMessage(message).withLastTransitionTime(Instant.now().toString())
                    .withObservedGeneration(tenant.getMetadata().getGeneration()).build();
            reported.setConditions(List.of(ready));
            tenant.setStatus(reported);
            admin.resource(tenant).updateStatus();
        }
    }
}
