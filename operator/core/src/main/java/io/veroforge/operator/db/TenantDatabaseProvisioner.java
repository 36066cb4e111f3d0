package io.veroforge.operator.db;

import io.veroforge.api.v1alpha1.Tier;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Provisions tenants on the shared PostgreSQL server: the entry point the Tenant reconciler calls.
 * Every method validates the tenant name before any SQL runs, is idempotent, and throws
 * {@link DatabaseUnavailableException} when the server cannot be reached (retry later) or
 * {@link DatabaseProvisioningException} when a step fails. Passwords never appear in messages or logs.
 * The enterprise tier (a CloudNativePG cluster) is not provisioned here.
 */
public final class TenantDatabaseProvisioner {

    private final PostgresConnections connections;
    private final TenantRole role = new TenantRole();
    private final SchemaProvisioner schemas;
    private final DedicatedDatabaseProvisioner databases;
    private final IsolationProbe isolation;

    public TenantDatabaseProvisioner(SharedPostgres server) {
        this.connections = new PostgresConnections(server);
        this.schemas = new SchemaProvisioner(connections, role);
        this.databases = new DedicatedDatabaseProvisioner(connections, role);
        this.isolation = new IsolationProbe(connections);
    }

    /**
     * Creates or repairs the tenant's role, its schema (basic) or database and schema (pro) and the
     * RLS baseline; applies a changed password. Issues no DDL when everything is already in place.
     *
     * @param password the role's password from the tenant's Secret (never logged, never sent in cleartext)
     */
    public ProvisionedDatabase ensure(String tenantName, Tier tier, String password) {
        TenantDatabaseNames names = TenantDatabaseNames.of(tenantName);
        TierProvisioner provisioner = provisionerFor(tier);
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("the database password of tenant " + tenantName + " must not be empty");
        }
        return provisioner.ensure(names, password);
    }

    /**
     * Deletion with policy Retain: keeps the schema or database and its rows, disables the role's
     * login and ends its sessions. A later {@link #ensure} enables the login again.
     */
    public void retain(String tenantName, Tier tier) {
        TenantDatabaseNames names = TenantDatabaseNames.of(tenantName);
        provisionerFor(tier);
        try (Connection admin = connections.admin()) {
            role.disableLogin(admin, names.role());
        } catch (SQLException e) {
            throw SqlFailures.translate("Disabling login of role " + names.role() + " of tenant " + tenantName, e);
        }
    }

    /** Deletion with policy Delete: ends the tenant's sessions, drops its schema or database and its role. */
    public void drop(String tenantName, Tier tier) {
        TenantDatabaseNames names = TenantDatabaseNames.of(tenantName);
        provisionerFor(tier).drop(names);
    }

    /**
     * The isolation check: logs in as {@code readerTenant}'s role and tries to read
     * {@code targetTenant}'s schema (in the target's database for {@code targetTier} pro).
     * False is what isolation requires.
     */
    public boolean canRead(String readerTenant, String readerPassword, String targetTenant, Tier targetTier) {
        TenantDatabaseNames reader = TenantDatabaseNames.of(readerTenant);
        TenantDatabaseNames target = TenantDatabaseNames.of(targetTenant);
        TierProvisioner provisioner = provisionerFor(targetTier);
        return isolation.canRead(reader, readerPassword, target, provisioner.jdbcUrlOf(target));
    }

    private TierProvisioner provisionerFor(Tier tier) {
        if (tier == null) {
            throw new IllegalArgumentException("spec.tier must be set");
        }
        return switch (tier) {
            case basic -> schemas;
            case pro -> databases;
            case enterprise -> throw new IllegalArgumentException(
                    "spec.tier enterprise gets a dedicated CloudNativePG cluster, not a database on the shared server");
        };
    }
}
