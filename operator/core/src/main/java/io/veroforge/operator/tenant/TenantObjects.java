package io.veroforge.operator.tenant;

import io.veroforge.operator.platform.PlatformLabels;
import io.veroforge.operator.platform.TenantDatabaseSecret;

import java.util.Map;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.veroforge.api.v1alpha1.ApiGroup;
import io.veroforge.api.v1alpha1.Tenant;

/** Names and labels of everything the platform creates for a tenant, in one place. */
public final class TenantObjects {
    public static final String MANAGED_BY_LABEL = PlatformLabels.MANAGED_BY_LABEL;
    public static final String MANAGED_BY = PlatformLabels.MANAGED_BY;
    /** Informers watch only what the platform made, so memory does not grow with the cluster. */
    public static final String MANAGED_SELECTOR = PlatformLabels.MANAGED_SELECTOR;

    public static final String QUOTA = "tenant-quota";
    public static final String LIMITS = "tenant-limits";
    public static final String NETWORK_POLICY = "tenant-isolation";
    public static final String OWNERS_BINDING = "veroforge-tenant-admins";
    public static final String ADMIN_CLUSTER_ROLE = "veroforge-tenant-admin";
    public static final String CREDENTIALS_SECRET = TenantDatabaseSecret.NAME;
    public static final String DATABASE_CLUSTER = TenantDatabaseSecret.DATABASE_CLUSTER;

    private TenantObjects() {
    }

    public static Map<String, String> labels(Tenant tenant) {
        return Map.of(MANAGED_BY_LABEL, MANAGED_BY, ApiGroup.TENANT_LABEL, tenant.getMetadata().getName());
    }

    /** Metadata of an object named {@code name} inside the tenant's namespace. */
    public static ObjectMeta inNamespace(Tenant tenant, String name) {
        return new ObjectMetaBuilder()
                .withName(name)
                .withNamespace(tenant.namespaceName())
                .withLabels(labels(tenant))
                .build();
    }
}
