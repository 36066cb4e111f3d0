package io.veroforge.operator.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The tenant's login role: it exists, can log in with the password from the tenant's Secret, and
 * has no power beyond owning its own objects. Roles are cluster-wide, so this always works on the
 * admin connection to the shared database.
 */
final class TenantRole {

    /** Everything a tenant role must not be able to do, spelled out so that ALTER ROLE also takes powers away. */
    private static final String ATTRIBUTES =
            "LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT VALID UNTIL 'infinity'";

    /** Whether the admin may read stored verifiers (superuser); decided on first use. */
    private volatile Boolean verifiersReadable;

    private record State(boolean exists, boolean asRequired, String storedVerifier) {
    }

    /**
     * The statements that make the role as required; empty when it already is. Reads the current
     * state first, so a second call (or one after a crash) issues no DDL, and an unchanged password
     * is not re-sent (its verifier is recomputed with the stored salt and compared).
     */
    List<String> statementsToConverge(Connection admin, String role, String password) throws SQLException {
        State state = read(admin, role);
        String quoted = SqlIdentifier.quote(role);
        List<String> statements = new ArrayList<>(2);
        if (!state.exists()) {
            statements.add("CREATE ROLE " + quoted + " " + ATTRIBUTES + " PASSWORD " + ScramSha256Verifier.newSqlLiteral(password));
            return statements;
        }
        if (!state.asRequired()) {
            statements.add("ALTER ROLE " + quoted + " " + ATTRIBUTES);
        }
        if (!ScramSha256Verifier.matches(state.storedVerifier(), password)) {
            statements.add("ALTER ROLE " + quoted + " PASSWORD " + ScramSha256Verifier.newSqlLiteral(password));
        }
        return statements;
    }

    /**
     * Disables login, then ends the role's sessions (after the change is committed, so they cannot
     * log straight back in). Runs in autocommit mode; does nothing when the role does not exist.
     */
    void disableLogin(Connection admin, String role) throws SQLException {
        admin.setAutoCommit(true);
        State state = read(admin, role);
        if (!state.exists()) {
            return;
        }
        try (Statement statement = admin.createStatement()) {
            statement.execute("ALTER ROLE " + SqlIdentifier.quote(role) + " NOLOGIN");
        }
        // the two-argument form (PostgreSQL 14+) waits until each session has really ended
        try (PreparedStatement terminate = admin.prepareStatement(
                "SELECT count(pg_catalog.pg_terminate_backend(pid, 5000)) FROM pg_catalog.pg_stat_activity"
                        + " WHERE usename = ? AND pid <> pg_catalog.pg_backend_pid()")) {
            terminate.setString(1, role);
            terminate.executeQuery().close();
        }
    }

    /**
     * Adoption rule for a role with no catalogue row (installations from before the catalogue):
     * the tenant's role name is derived from the tenant name alone, so a role of that name is the
     * tenant's as long as it has no powers VeroForge never gives (then someone else made it).
     */
    OwnedObjects.Existing existing(Connection admin, String role) throws SQLException {
        try (PreparedStatement query = admin.prepareStatement("SELECT r.rolsuper OR r.rolcreatedb OR r.rolcreaterole OR r.rolreplication"
                + " OR r.rolbypassrls FROM pg_catalog.pg_roles r WHERE r.rolname = ?")) {
            query.setString(1, role);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return OwnedObjects.Existing.ABSENT;
                }
                return row.getBoolean(1) ? OwnedObjects.Existing.notAdoptable("it has powers VeroForge never gives a tenant role")
                        : OwnedObjects.Existing.adoptable();
            }
        }
    }

    /** The schemas (in the connected database) and databases the role still owns: what dropping it would have to keep. */
    List<String> ownedSchemasAndDatabases(Connection admin, String role) throws SQLException {
        List<String> owned = new ArrayList<>();
        try (PreparedStatement query = admin.prepareStatement("SELECT 'schema ' || n.nspname FROM pg_catalog.pg_namespace n"
                + " JOIN pg_catalog.pg_roles r ON r.oid = n.nspowner WHERE r.rolname = ?"
                + " UNION ALL SELECT 'database ' || d.datname FROM pg_catalog.pg_database d"
                + " JOIN pg_catalog.pg_roles r ON r.oid = d.datdba WHERE r.rolname = ? ORDER BY 1")) {
            query.setString(1, role);
            query.setString(2, role);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    owned.add(rows.getString(1));
                }
            }
        }
        return owned;
    }

    /**
     * Drops the role, keeping whatever it still owns: the caller has dropped the objects recorded
     * as the tenant's, so anything left (another tenant's schema taken over under the old names,
     * an app schema never recorded) passes to the admin instead of being dropped with the role.
     * Objects it owns in other databases must be gone first.
     */
    List<String> statementsToDrop(Connection admin, String role) throws SQLException {
        String quoted = SqlIdentifier.quote(role);
        if (!read(admin, role).exists()) {
            return List.of();
        }
        return List.of("REASSIGN OWNED BY " + quoted + " TO CURRENT_USER", "DROP OWNED BY " + quoted, "DROP ROLE IF EXISTS " + quoted);
    }

    private State read(Connection admin, String role) throws SQLException {
        String verifierColumn = verifiersReadable(admin)
                ? "(SELECT a.rolpassword FROM pg_catalog.pg_authid a WHERE a.oid = r.oid)"
                : "NULL::text"; // then the password is re-sent on every converge: correct, just not free
        String sql = "SELECT r.rolcanlogin AND NOT (r.rolsuper OR r.rolcreatedb OR r.rolcreaterole OR r.rolreplication"
                + " OR r.rolbypassrls) AND r.rolinherit AND coalesce(r.rolvaliduntil = 'infinity', true), "
                + verifierColumn + " FROM pg_catalog.pg_roles r WHERE r.rolname = ?";
        try (PreparedStatement query = admin.prepareStatement(sql)) {
            query.setString(1, role);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return new State(false, false, null);
                }
                return new State(true, row.getBoolean(1), row.getString(2));
            }
        }
    }

    private boolean verifiersReadable(Connection admin) throws SQLException {
        Boolean readable = verifiersReadable;
        if (readable == null) {
            try (Statement statement = admin.createStatement();
                 ResultSet row = statement.executeQuery(
                         "SELECT pg_catalog.has_table_privilege('pg_catalog.pg_authid', 'SELECT')")) {
                row.next();
                readable = row.getBoolean(1);
            }
            verifiersReadable = readable;
        }
        return readable;
    }
}
