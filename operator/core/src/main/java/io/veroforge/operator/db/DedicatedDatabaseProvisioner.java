package io.veroforge.operator.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import io.veroforge.operator.db.OwnedObjects.Entry;
import io.veroforge.operator.db.OwnedObjects.Kind;
import io.veroforge.operator.db.OwnedObjects.Owner;
import org.jboss.logging.Logger;

/**
 * Pro tier: the tenant gets a database of its own on the shared server, owned by its role and
 * closed to everyone else (no CONNECT for PUBLIC), with the tenant schema and RLS baseline inside.
 * CREATE DATABASE cannot run in a transaction, so each step checks what is already there: a crash
 * between steps is repaired by the next call. The role, database and schema names are claimed in
 * the catalogue (on the shared database) and committed before anything is created, so a crash
 * leaves at most a claim to fill, and a name someone else holds stops it before any DDL.
 */
final class DedicatedDatabaseProvisioner implements TierProvisioner {

    private static final Logger LOG = Logger.getLogger(DedicatedDatabaseProvisioner.class);

    private final PostgresConnections connections;
    private final TenantRole role;
    private final OwnedObjects catalogue;

    DedicatedDatabaseProvisioner(PostgresConnections connections, TenantRole role, OwnedObjects catalogue) {
        this.connections = connections;
        this.role = role;
        this.catalogue = catalogue;
    }

    private record DatabaseState(boolean exists, boolean ownedByRole, boolean openToPublic) {
        /** Adoption rule: database names are derived from tenant names alone, so one owned by the tenant's role is the tenant's. */
        OwnedObjects.Existing existing() {
            return !exists ? OwnedObjects.Existing.ABSENT : ownedByRole ? OwnedObjects.Existing.adoptable()
                    : OwnedObjects.Existing.notAdoptable("it is not owned by the tenant's role");
        }
    }

    @Override
    public ProvisionedDatabase ensure(TenantDatabaseNames names, Owner owner, String password) {
        String database = SqlIdentifier.quote(names.database());
        int changes = 0;
        try (Connection admin = connections.admin()) {
            catalogue.ensureTable(admin);
            admin.setAutoCommit(false);
            catalogue.claim(admin, Kind.role, "", names.role(), owner, role.existing(admin, names.role()));
            DatabaseState state = read(admin, names);
            catalogue.claim(admin, Kind.database, "", names.database(), owner, state.existing());
            claimSchema(names, owner, admin);
            List<String> statements = new ArrayList<>(role.statementsToConverge(admin, names.role(), password));
            if (state.exists() && !state.ownedByRole()) { // recorded as the tenant's: repairs a change made by hand
                statements.add("ALTER DATABASE " + database + " OWNER TO " + SqlIdentifier.quote(names.role()));
            }
            if (state.exists() && state.openToPublic()) {
                statements.add("REVOKE ALL ON DATABASE " + database + " FROM PUBLIC");
            }
            Statements.execute(admin, statements);
            admin.commit();
            changes += statements.size();
            if (!state.exists()) {
                admin.setAutoCommit(true);
                // template0: a clean copy, and no failure when someone happens to be connected to template1
                Statements.execute(admin, List.of(
                        "CREATE DATABASE " + database + " OWNER " + SqlIdentifier.quote(names.role()) + " TEMPLATE template0"));
                Statements.execute(admin, List.of("REVOKE ALL ON DATABASE " + database + " FROM PUBLIC"));
                changes += 2;
            }
        } catch (SQLException e) {
            throw SqlFailures.translate("Provisioning database " + names.database() + " for tenant " + names.tenant(), e);
        }
        try (Connection admin = connections.admin(names.database())) {
            admin.setAutoCommit(false);
            List<String> statements = TenantSchema.statements(TenantSchema.read(admin, names), names);
            Statements.execute(admin, statements);
            admin.commit();
            changes += statements.size();
        } catch (SQLException e) {
            throw SqlFailures.translate("Provisioning schema " + names.schema() + " in database " + names.database()
                    + " for tenant " + names.tenant(), e);
        }
        if (changes > 0) {
            LOG.infof("Converged database %s, schema %s and role %s of tenant %s (%d statements)",
                    names.database(), names.schema(), names.role(), names.tenant(), changes);
        }
        SharedPostgres server = connections.server();
        return new ProvisionedDatabase(server.appHost(), server.appPort(), names.database(), names.schema(), names.role());
    }

    /**
     * The tenant schema inside the tenant's database, claimed in the catalogue's transaction. A
     * database that does not exist yet holds no schema; once it exists the schema is read there.
     */
    private void claimSchema(TenantDatabaseNames names, Owner owner, Connection catalogueConnection) throws SQLException {
        OwnedObjects.Existing existing = OwnedObjects.Existing.ABSENT;
        if (read(catalogueConnection, names).exists()) {
            try (Connection inDatabase = connections.admin(names.database())) {
                existing = TenantSchema.read(inDatabase, names).existing();
            }
        }
        catalogue.claim(catalogueConnection, Kind.schema, names.database(), names.schema(), owner, existing);
    }

    /** Drops the database if it is recorded as the tenant's (with every schema in it), then the role; keeps and returns what else it owned. */
    @Override
    public List<String> drop(TenantDatabaseNames names, Owner owner) {
        try (Connection admin = connections.admin()) {
            catalogue.ensureTable(admin);
            // a tenant from before the catalogue: adopt by the usual rule, or leave it alone
            Adoption.tryClaim(admin, catalogue, names, Kind.role, "", names.role(), owner, role.existing(admin, names.role()));
            Adoption.tryClaim(admin, catalogue, names, Kind.database, "", names.database(), owner, read(admin, names).existing());
            List<Entry> owned = catalogue.ownedBy(admin, owner.tenantUid(), owner.tenantName());
            boolean ownsRole = SchemaProvisioner.ownsRole(owned, names);
            if (ownsRole) {
                role.disableLogin(admin, names.role());
            }
            for (Entry entry : owned) {
                if (entry.kind() == Kind.database) {
                    // FORCE (PostgreSQL 13+) ends any session still connected to it; forgotten after, so a crash retries it
                    Statements.execute(admin, List.of("DROP DATABASE IF EXISTS " + SqlIdentifier.quote(entry.name()) + " WITH (FORCE)"));
                }
            }
            admin.setAutoCommit(false);
            owned = catalogue.ownedBy(admin, owner.tenantUid(), owner.tenantName());
            for (Entry entry : owned) {
                boolean inDroppedDatabase = owned.stream().anyMatch(d -> d.kind() == Kind.database && d.name().equals(entry.database()));
                if (entry.kind() == Kind.database || inDroppedDatabase) {
                    catalogue.forget(admin, entry);
                }
            }
            List<String> kept = SchemaProvisioner.dropRoleIfRecorded(admin, names, owned, ownsRole, role, catalogue);
            admin.commit();
            LOG.infof("Dropped database %s and role %s of tenant %s%s", names.database(), names.role(), names.tenant(),
                    kept.isEmpty() ? "" : "; kept (not recorded as the tenant's, now owned by the admin): " + kept);
            return kept;
        } catch (SQLException e) {
            throw SqlFailures.translate("Dropping database " + names.database() + " of tenant " + names.tenant(), e);
        }
    }

    @Override
    public String jdbcUrlOf(TenantDatabaseNames names) {
        return connections.server().jdbcUrlFor(names.database());
    }

    private static DatabaseState read(Connection admin, TenantDatabaseNames names) throws SQLException {
        String sql = "SELECT d.datdba = (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = ?),"
                + " pg_catalog.has_database_privilege('public'::name, d.oid, 'CONNECT')"
                + " OR pg_catalog.has_database_privilege('public'::name, d.oid, 'TEMPORARY')"
                + " FROM pg_catalog.pg_database d WHERE d.datname = ?";
        try (PreparedStatement query = admin.prepareStatement(sql)) {
            query.setString(1, names.role());
            query.setString(2, names.database());
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return new DatabaseState(false, false, false);
                }
                return new DatabaseState(true, row.getBoolean(1), row.getBoolean(2));
            }
        }
    }
}
