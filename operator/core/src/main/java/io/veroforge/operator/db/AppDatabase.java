package io.veroforge.operator.db;

import io.veroforge.api.v1alpha1.Tier;

/**
 * Where one app's schema lives and how the operator reaches it: the admin JDBC URL of the
 * tenant's database (the shared database for basic, the tenant's own for pro), the admin
 * credentials, and the tenant's role and schema the app's schema is derived from.
 *
 * @param adminPassword may be null when the server trusts the operator (local development); never printed
 * @param tenantUid the Tenant's {@code metadata.uid}, whom the catalogue records the app's schema for
 * @param catalogueJdbcUrl the shared database holding the platform's catalogue ({@link OwnedObjects});
 *     null in an enterprise tenant's own cluster, where no other tenant's names can be
 */
public record AppDatabase(String adminJdbcUrl, String adminUser, String adminPassword, String tenantRole, String tenantSchema,
                          String appName, String tenantUid, String catalogueJdbcUrl) {

    public AppDatabase {
        if (adminJdbcUrl == null || !adminJdbcUrl.startsWith(SharedPostgres.URL_PREFIX)) {
            throw new IllegalArgumentException("adminJdbcUrl must start with " + SharedPostgres.URL_PREFIX);
        }
        if (adminUser == null || adminUser.isBlank()) {
            throw new IllegalArgumentException("adminUser must not be empty");
        }
        if (tenantRole == null || tenantRole.isBlank()) {
            throw new IllegalArgumentException("tenantRole must not be empty");
        }
        AppSchemaName.of(tenantSchema, appName); // validates both
        if (catalogueJdbcUrl != null && (tenantUid == null || tenantUid.isBlank())) {
            throw new IllegalArgumentException("tenantUid must be set when the catalogue is used");
        }
    }

    /** Without the catalogue: only for a database no other tenant shares. */
    public AppDatabase(String adminJdbcUrl, String adminUser, String adminPassword, String tenantRole, String tenantSchema, String appName) {
        this(adminJdbcUrl, adminUser, adminPassword, tenantRole, tenantSchema, appName, null, null);
    }

    /** The app's database on the shared server: the shared database (basic) or the tenant's own (pro). */
    public static AppDatabase on(SharedPostgres server, String tenantName, String tenantUid, Tier tier, String appName) {
        TenantDatabaseNames names = TenantDatabaseNames.of(tenantName);
        String url = switch (tier) {
            case basic -> server.jdbcUrl();
            case pro -> server.jdbcUrlFor(names.database());
            case enterprise -> throw new IllegalArgumentException(
                    "spec.tier enterprise keeps its data in its own CloudNativePG cluster, not on the shared server: use inCluster");
        };
        return new AppDatabase(url, server.adminUser(), server.adminPassword(), names.role(), names.schema(), appName, tenantUid,
                server.jdbcUrl());
    }

    /**
     * The app's database in an enterprise tenant's own cluster, reached as the tenant's role: it owns
     * the cluster's application database, so it may create the app's schema (and trusted extensions)
     * there itself; nobody else needs to.
     */
    public static AppDatabase inCluster(String jdbcUrl, String tenantName, String tenantPassword, String appName) {
        TenantDatabaseNames names = TenantDatabaseNames.of(tenantName);
        return new AppDatabase(jdbcUrl, names.role(), tenantPassword, names.role(), names.schema(), appName);
    }

    /** The tenant's name, read back from its schema name ({@code -} is the only character spelled {@code _}). */
    public String tenantName() {
        return tenantSchema.substring(TenantDatabaseNames.SCHEMA_PREFIX.length()).replace('_', '-');
    }

    public AppSchemaName schema() {
        return AppSchemaName.of(tenantSchema, appName);
    }

    /** Never prints the admin password. */
    @Override
    public String toString() {
        return "AppDatabase[adminJdbcUrl=" + adminJdbcUrl + ", adminUser=" + adminUser + ", adminPassword="
                + (adminPassword == null ? "<none>" : "<redacted>") + ", tenantRole=" + tenantRole + ", tenantSchema=" + tenantSchema
                + ", appName=" + appName + ", tenantUid=" + tenantUid + ", catalogueJdbcUrl=" + catalogueJdbcUrl + "]";
    }
}
