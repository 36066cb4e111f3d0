package io.veroforge.operator.db;

import io.veroforge.operator.db.OwnedObjects.Entry;
import io.veroforge.operator.db.OwnedObjects.Kind;
import io.veroforge.operator.db.OwnedObjects.Owner;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Basic tier: the tenant's data is a schema in the shared database. The catalogue claims, role
 * and schema are converged in one transaction on one connection, so a crash leaves either all of
 * it or none; a name another owner holds stops it before any DDL runs.
 */
final class SchemaProvisioner implements TierProvisioner {

    private static final Logger LOG = Logger.getLogger(SchemaProvisioner.class);

    private final PostgresConnections connections;
    private final TenantRole role;
    private final OwnedObjects catalogue;

    SchemaProvisioner(PostgresConnections connections, TenantRole role, OwnedObjects catalogue) {
        this.connections = connections;
        this.role = role;
        this.catalogue = catalogue;
    }

    @Override
    public ProvisionedDatabase ensure(TenantDatabaseNames names, Owner owner, String password) {
        try (Connection admin = connections.admin()) {
            catalogue.ensureTable(admin);
            admin.setAutoCommit(false);
            catalogue.claim(admin, Kind.role, "", names.role(), owner, role.existing(admin, names.role()));
            TenantSchema.State schema = TenantSchema.read(admin, names);
            catalogue.claim(admin, Kind.schema, schema.database(), names.schema(), owner, schema.existing());
            List<String> statements = new ArrayList<>(role.statementsToConverge(admin, names.role(), password));
            statements.addAll(TenantSchema.statements(schema, names));
            Statements.execute(admin, statements);
            admin.commit();
            if (!statements.isEmpty()) {
                LOG.infof("Converged schema %s and role %s of tenant %s (%d statements)",
                        names.schema(), names.role(), names.tenant(), statements.size());
            }
            SharedPostgres server = connections.server();
            return new ProvisionedDatabase(server.appHost(), server.appPort(), schema.database(), names.schema(), names.role());
        } catch (SQLException e) {
            throw SqlFailures.translate("Provisioning schema " + names.schema() + " for tenant " + names.tenant(), e);
        }
    }

    /** Drops the schemas recorded as the tenant's (its own and its apps'), then its role; keeps and returns what else the role owned. */
    @Override
    public List<String> drop(TenantDatabaseNames names, Owner owner) {
        try (Connection admin = connections.admin()) {
            catalogue.ensureTable(admin);
            adoptForDrop(admin, names, owner);
            boolean ownsRole = ownsRole(catalogue.ownedBy(admin, owner.tenantUid(), owner.tenantName()), names);
            if (ownsRole) {
                role.disableLogin(admin, names.role());
            }
            admin.setAutoCommit(false);
            String database = TenantSchema.read(admin, names).database();
            List<String> statements = new ArrayList<>();
            List<Entry> owned = catalogue.ownedBy(admin, owner.tenantUid(), owner.tenantName());
            for (Entry entry : owned) {
                if (entry.kind() == Kind.schema && entry.database().equals(database)) {
                    statements.add("DROP SCHEMA IF EXISTS " + SqlIdentifier.quote(entry.name()) + " CASCADE");
                    catalogue.forget(admin, entry);
                }
            }
            Statements.execute(admin, statements);
            List<String> kept = dropRoleIfRecorded(admin, names, owned, ownsRole(owned, names), role, catalogue);
            admin.commit();
            LOG.infof("Dropped schema %s and role %s of tenant %s%s", names.schema(), names.role(), names.tenant(),
                    kept.isEmpty() ? "" : "; kept (not recorded as the tenant's, now owned by the admin): " + kept);
            return kept;
        } catch (SQLException e) {
            throw SqlFailures.translate("Dropping schema " + names.schema() + " of tenant " + names.tenant(), e);
        }
    }

    /**
     * Drops the tenant's role when the catalogue records it as the tenant's (and forgets it), and
     * says what was kept: what the role owned elsewhere (now the admin's), or the role itself when
     * it is not recorded as this tenant's — not ours to drop.
     */
    static List<String> dropRoleIfRecorded(java.sql.Connection admin, TenantDatabaseNames names, List<Entry> owned, boolean ownsRole,
            TenantRole role, OwnedObjects catalogue) throws java.sql.SQLException {
        if (!ownsRole) {
            return role.existing(admin, names.role()).exists() ? List.of("role " + names.role()) : List.of();
        }
        List<String> kept = role.ownedSchemasAndDatabases(admin, names.role());
        Statements.execute(admin, role.statementsToDrop(admin, names.role()));
        for (Entry entry : owned) {
            if (entry.kind() == Kind.role) {
                catalogue.forget(admin, entry);
            }
        }
        return kept;
    }

    static boolean ownsRole(List<Entry> owned, TenantDatabaseNames names) {
        return owned.stream().anyMatch(e -> e.kind() == Kind.role && e.name().equals(names.role()));
    }

    /** A tenant from before the catalogue, deleted before it was reconciled again: adopt its role and schema by the usual rule. */
    private void adoptForDrop(Connection admin, TenantDatabaseNames names, Owner owner) throws SQLException {
        TenantSchema.State schema = TenantSchema.read(admin, names);
        Adoption.tryClaim(admin, catalogue, names, Kind.role, "", names.role(), owner, role.existing(admin, names.role()));
        if (schema.exists()) {
            Adoption.tryClaim(admin, catalogue, names, Kind.schema, schema.database(), names.schema(), owner, schema.existing());
        }
    }

    @Override
    public String jdbcUrlOf(TenantDatabaseNames names) {
        return connections.server().jdbcUrl();
    }
}
