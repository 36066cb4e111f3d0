package io.veroforge.operator.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Pro tier: the tenant gets a database of its own on the shared server, owned by its role and
 * closed to everyone else (no CONNECT for PUBLIC), with the tenant schema and RLS baseline inside.
 * CREATE DATABASE cannot run in a transaction, so each step checks what is already there: a crash
 * between steps is repaired by the next call.
 */
final class DedicatedDatabaseProvisioner implements TierProvisioner {

    private static final Logger LOG = Logger.getLogger(DedicatedDatabaseProvisioner.class);

    private final PostgresConnections connections;
    private final TenantRole role;

    DedicatedDatabaseProvisioner(PostgresConnections connections, TenantRole role) {
        this.connections = connections;
        this.role = role;
    }

    private record DatabaseState(boolean exists, boolean ownedByRole, boolean openToPublic) {
    }

    @Override
    public ProvisionedDatabase ensure(TenantDatabaseNames names, String password) {
        String database = SqlIdentifier.quote(names.database());
        int changes = 0;
        try (Connection admin = connections.admin()) {
            admin.setAutoCommit(false);
            List<String> statements = new ArrayList<>(role.statementsToConverge(admin, names.role(), password));
            DatabaseState state = read(admin, names);
            if (state.exists() && !state.ownedByRole()) {
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
            TenantSchema.Plan schema = TenantSchema.plan(admin, names);
            Statements.execute(admin, schema.statements());
            admin.commit();
            changes += schema.statements().size();
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

    @Override
    public void drop(TenantDatabaseNames names) {
        try (Connection admin = connections.admin()) {
            role.disableLogin(admin, names.role());
            // FORCE (PostgreSQL 13+) ends any session still connected to it
            Statements.execute(admin, List.of("DROP DATABASE IF EXISTS " + SqlIdentifier.quote(names.database()) + " WITH (FORCE)"));
            admin.setAutoCommit(false);
            Statements.execute(admin, role.statementsToDrop(admin, names.role()));
            admin.commit();
            LOG.infof("Dropped database %s and role %s of tenant %s", names.database(), names.role(), names.tenant());
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
