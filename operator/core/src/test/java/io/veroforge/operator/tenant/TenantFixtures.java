package io.veroforge.operator.tenant;

import java.util.ArrayList;
import java.util.List;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.veroforge.api.v1alpha1.DeletionPolicy;
import io.veroforge.api.v1alpha1.Tenant;
import io.veroforge.api.v1alpha1.TenantOwner;
import io.veroforge.api.v1alpha1.TenantSpec;
import io.veroforge.api.v1alpha1.Tier;

/** Small readable Tenants for tests. */
final class TenantFixtures {
    private TenantFixtures() {
    }

    static Tenant tenant(String name, Tier tier) {
        Tenant tenant = new Tenant();
        tenant.setMetadata(new ObjectMetaBuilder().withName(name).build());
        TenantSpec spec = new TenantSpec();
        spec.setTier(tier);
        spec.setDisplayName("Test tenant " + name);
        List<TenantOwner> owners = new ArrayList<>();
        owners.add(new TenantOwner(TenantOwner.OwnerKind.User, "alice@example.com", null));
        spec.setOwners(owners);
        tenant.setSpec(spec);
        return tenant;
    }

    static Tenant deletingData(Tenant tenant) {
        tenant.getSpec().setDeletionPolicy(DeletionPolicy.Delete);
        return tenant;
    }
}
