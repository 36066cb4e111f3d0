package io.veroforge.operator.tenant;

import java.util.Properties;

import org.postgresql.Driver;

import io.veroforge.api.v1alpha1.Tenant;
import io.veroforge.api.v1alpha1.TenantDatabaseStatus;
import io.veroforge.operator.config.PlatformConfig;
import io.veroforge.operator.db.TenantDatabaseNames;

/**
 * Where a tenant's apps find their data, by tier: a schema in the shared database, a database
 * of its own on the shared server, or the read-write service of its CloudNativePG cluster. The
 * Secret, the status and the provisioner all take it from here.
 */
public record DatabaseLocation(String kind, String host, int port, String database, String schema, String role) {
    /** The session setting an app sets per transaction; the RLS policies read it. */
    public static final String TENANT_SETTING = "veroforge.tenant_id";
    /** The database CloudNativePG creates for the application. */
    static final String CLUSTER_DATABASE = "app";

    public static DatabaseLocation of(Tenant tenant, PlatformConfig.Postgres shared) {
        TenantDatabaseNames names = TenantDatabaseNames.of(tenant.getMetadata().getName());
        return switch (tenant.getSpec().getTier()) {
            case basic -> new DatabaseLocation("Schema", shared.appHost(), shared.appPort(),
                    sharedDatabase(shared.jdbcUrl()), names.schema(), names.role());
            case pro -> new DatabaseLocation("Database", shared.appHost(), shared.appPort(),
                    names.database(), names.schema(), names.role());
            case enterprise -> new DatabaseLocation("Cluster",
                    TenantObjects.DATABASE_CLUSTER + "-rw." + tenant.namespaceName() + ".svc", 5432,
                    CLUSTER_DATABASE, null, names.role());
        };
    }

    public String jdbcUrl() {
        String url = "jdbc:postgresql://" + host + ":" + port + "/" + database;
        return schema == null ? url : url + "?currentSchema=" + schema;
    }

    public TenantDatabaseStatus toStatus() {
        TenantDatabaseStatus status = new TenantDatabaseStatus();
        status.setKind(kind);
        status.setHost(host);
        status.setPort(port);
        status.setDatabase(database);
        status.setSchema(schema);
        status.setRole(role);
        return status;
    }

    private static String sharedDatabase(String jdbcUrl) {
        Properties parsed = Driver.parseURL(jdbcUrl, null);
        if (parsed == null || parsed.getProperty("PGDBNAME") == null) {
            throw new IllegalArgumentException("veroforge.postgres.jdbc-url: not a PostgreSQL JDBC URL with a database: " + jdbcUrl);
        }
        return parsed.getProperty("PGDBNAME");
    }
}
