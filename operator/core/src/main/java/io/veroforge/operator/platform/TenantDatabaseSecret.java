package io.veroforge.operator.platform;

import io.fabric8.kubernetes.api.model.Secret;
import io.veroforge.operator.secrets.SecretValues;

/**
 * What a Tenant hands its apps: the Secret with its database role's password, in its namespace,
 * and the name of its own PostgreSQL cluster (enterprise). The Tenant reconciler writes them; the
 * Generation pipeline migrates and deploys with them.
 */
public final class TenantDatabaseSecret {
    public static final String NAME = "veroforge-db-credentials";
    public static final String PASSWORD = "password";
    /** The enterprise tier's CloudNativePG {@code Cluster} in the tenant namespace. */
    public static final String DATABASE_CLUSTER = "tenant-db";

    private TenantDatabaseSecret() {
    }

    /** The role's password, or null while the Secret has none. */
    public static String password(Secret secret) {
        return SecretValues.get(secret, PASSWORD).orElse(null);
    }
}
