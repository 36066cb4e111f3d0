package io.veroforge.operator.local;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;

/**
 * One local platform's claim on its PostgreSQL server: a session-level advisory lock, held on a
 * connection of its own for as long as the platform runs. A second local platform on the same
 * server would otherwise drop and recreate the first one's database, and — even with a database
 * of its own — re-password the first one's tenant roles and fail to drop them on delete, because
 * roles (and pro tenants' databases) are server-wide. So it is refused, with the holder named.
 * The server releases the lock by itself when the holder dies, so a killed platform never blocks
 * the next start.
 */
final class LocalDatabaseClaim implements AutoCloseable {
    /** The first half of the two-key advisory lock: "VF", so no other application's lock is taken by chance. */
    private static final int LOCK_SPACE = 0x5646;
    /** The second half: one key for the whole server, whatever database the platform uses. */
    private static final int SERVER_KEY = 1;
    private static final String APPLICATION = "veroforge-local:";

    private final Connection connection;

    private LocalDatabaseClaim(Connection connection) {
        this.connection = connection;
    }

    /** @throws IllegalStateException naming the holder and the way out when another local platform holds {@code database} */
    static LocalDatabaseClaim take(String maintenanceUrl, Properties admin, String database) {
        Properties props = new Properties();
        props.putAll(admin);
        props.setProperty("ApplicationName", APPLICATION + database + " pid " + ProcessHandle.current().pid());
        Connection connection = null;
        try {
            connection = new org.postgresql.Driver().connect(maintenanceUrl, props);
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_catalog.pg_try_advisory_lock(?, ?)")) {
                lock.setInt(1, LOCK_SPACE);
                lock.setInt(2, SERVER_KEY);
                try (ResultSet row = lock.executeQuery()) {
                    row.next();
                    if (!row.getBoolean(1)) {
                        String holder = holder(connection, database);
                        connection.close();
                        throw new IllegalStateException("another VeroForge local platform (" + holder + ") is running on the PostgreSQL at "
                                + maintenanceUrl.replaceFirst("/postgres$", "") + "; a second one there would share its tenant roles"
                                + " (PostgreSQL roles are server-wide) and drop its data. Stop it first, or point this one at another"
                                + " PostgreSQL server with -Dveroforge.postgres.jdbc-url=jdbc:postgresql://host:port/db");
                    }
                }
            }
            return new LocalDatabaseClaim(connection);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new IllegalStateException("could not claim the local platform's database " + database + ": " + e.getMessage(), e);
        }
    }

    private static String holder(Connection connection, String database) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT a.application_name FROM pg_catalog.pg_locks l JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid"
                        + " WHERE l.locktype = 'advisory' AND l.classid = ? AND l.objid = ? AND l.objsubid = 2 AND l.granted")) {
            query.setInt(1, LOCK_SPACE);
            query.setInt(2, SERVER_KEY);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1).replace(APPLICATION, "database ") : "process unknown";
            }
        }
    }

    @Override
    public void close() {
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the server drops the lock with the session either way
            }
        }
    }
}
