package io.veroforge.operator.db;

import io.veroforge.api.v1alpha1.Tier;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Provisions tenants on the shared PostgreSQL server: the entry point the Tenant reconciler calls.
 * Every method validates the tenant name before any SQL runs, is idempotent, and throws
 * {@link DatabaseUnavailableException} when the server cannot be reached (retry later) or
 * {@link DatabaseProvisioningException} when a step fails, or {@link NameConflictException} when a name
 * it derived belongs to someone else in the platform's catalogue ({@link OwnedObjects}). Passwords
 * never appear in messages or logs.
 * The enterprise tier (a CloudNativePG cluster) is not provisioned here.
 */
public class TenantDatabaseProvisioner {

    private final PostgresConnections connections;
    private final TenantRole role = new TenantRole();
    private final OwnedObjects catalogue = new OwnedObjects();
    private final SchemaProvisioner schemas;
    private final DedicatedDatabaseProvisioner databases;
    private final IsolationProbe isolation;

    public TenantDatabaseProvisioner(SharedPostgres server) {
        this.connections = new PostgresConnections(server);
        this.schemas = new SchemaProvisioner(connections, role, catalogue);
        this.databases = new DedicatedDatabaseProvisioner(connections, role, catalogue);
        this.isolation = new IsolationProbe(connections);
    }

    /**
     * Creates or repairs the tenant's role, its schema (basic) or database and schema (pro) and the
     * RLS baseline; applies a changed password. Issues no DDL when everything is already in place.
     *
     * @param tenantUid the Tenant's {@code metadata.uid}: whom the catalogue records the names for
     * @param password the role's password from the tenant's Secret (never logged, never sent in cleartext)
     */
    public ProvisionedDatabase ensure(String tenantName, String tenantUid, Tier tier, String password) {
        TenantDatabaseNames names = TenantDatabaseNames.of(tenantName);
        OwnedObjects.Owner owner = OwnedObjects.Owner.tenant(tenantUid, tenantName);
        TierProvisioner provisioner = provisionerFor(tier);
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("the database password of tenant " + tenantName + " must not be empty");
        }
        return provisioner.ensure(names, owner, password);
    }

    /**
     * Deletion with policy Retain: keeps the schema or database and its rows, disables the role's
     * login and ends its sessions. Its names stay in the catalogue, marked retained: a later
     * {@link #ensure} for a Tenant of the same name (a new uid) takes them over and enables the login again.
     */
    public void retain(String tenantName, Tier tier) {
        TenantDatabaseNames names = TenantDatabaseNames.of(tenantName);
        provisionerFor(tier);
        try (Connection admin = connections.admin()) {
            catalogue.ensureTable(admin);
            catalogue.markRetained(admin, names.tenant());
            role.disableLogin(admin, names.role());
        } catch (SQLException e) {
            throw SqlFailures.translate("Disabling login of role " + names.role() + " of tenant " + tenantName, e);
        }
    }

    /**
     * Deletion with policy Delete: ends the tenant's sessions, drops its schema or database (with its
     * apps' schemas) and its role, but only what the catalogue records as this Tenant's (or what the
     * adoption rule gives it). Returns what its role owned beyond that: kept, now owned by the admin.
     */
    public List<String> drop(String tenantName, String tenantUid, Tier tier) {
        TenantDatabaseNames names = TenantDatabaseNames.of(tenantName);
        return provisionerFor(tier).drop(names, OwnedObjects.Owner.tenant(tenantUid, tenantName));
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

    /** Which of {@code schemas} exist in the shared database (for {@link OldNameCollisions}). */
    public Set<String> existingSharedSchemas(Collection<String> schemas) {
        Set<String> existing = new TreeSet<>();
        if (schemas.isEmpty()) {
            return existing;
        }
        try (Connection admin = connections.admin();
             PreparedStatement query = admin.prepareStatement(
                     "SELECT nspname FROM pg_catalog.pg_namespace WHERE nspname = ANY (?)")) {
            query.setArray(1, admin.createArrayOf("text", schemas.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    existing.add(rows.getString(1));
                }
            }
            return existing;
        } catch (SQLException e) {
            throw SqlFailures.translate("Looking for schemas " + schemas, e);
        }
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
