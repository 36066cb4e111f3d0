package io.veroforge.operator.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks tenant isolation the way an attacker would: logs in as one tenant's role and tries to read
 * another tenant's schema, table by table.
 */
final class IsolationProbe {

    /** insufficient_privilege: no CONNECT on the database, no USAGE on the schema, no SELECT on the table. */
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private final PostgresConnections connections;

    IsolationProbe(PostgresConnections connections) {
        this.connections = connections;
    }

    /**
     * True when {@code reader} can connect to the database of {@code target}'s schema and either use
     * that schema or select from any table, view or foreign table in it.
     *
     * @param targetJdbcUrl admin URL of the database holding the target schema
     * @throws DatabaseProvisioningException when the reader cannot log in at all (wrong password,
     *     login disabled) or the target schema does not exist: then nothing was proven
     */
    boolean canRead(TenantDatabaseNames reader, String readerPassword, TenantDatabaseNames target, String targetJdbcUrl) {
        String step = "Checking whether tenant " + reader.tenant() + " can read schema " + target.schema();
        Connection connection;
        try {
            connection = connections.as(reader.role(), readerPassword, targetJdbcUrl);
        } catch (SQLException e) {
            if (INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
                return false; // no CONNECT privilege on the target's database
            }
            throw SqlFailures.translate(step, e);
        }
        try (connection) {
            String sql = "SELECT pg_catalog.has_schema_privilege(n.oid, 'USAGE'),"
                    + " ARRAY(SELECT c.relname::text FROM pg_catalog.pg_class c WHERE c.relnamespace = n.oid"
                    + "       AND c.relkind IN ('r', 'p', 'v', 'm', 'f') ORDER BY c.relname)"
                    + " FROM pg_catalog.pg_namespace n WHERE n.nspname = ?";
            boolean usage;
            List<String> tables = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                query.setString(1, target.schema());
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        throw new DatabaseProvisioningException(step + " failed: schema " + target.schema()
                                + " does not exist in database " + connection.getCatalog(), null);
                    }
                    usage = row.getBoolean(1);
                    for (Object table : (Object[]) row.getArray(2).getArray()) {
                        tables.add((String) table);
                    }
                }
            }
            for (String table : tables) {
                if (canSelect(connection, target.schema(), table)) {
                    return true;
                }
            }
            return usage;
        } catch (SQLException e) {
            throw SqlFailures.translate(step, e);
        }
    }

    private static boolean canSelect(Connection connection, String schema, String table) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT 1 FROM " + SqlIdentifier.quote(schema) + "." + SqlIdentifier.quote(table) + " LIMIT 1")
                    .close();
            return true;
        } catch (SQLException e) {
            if (INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }
}
