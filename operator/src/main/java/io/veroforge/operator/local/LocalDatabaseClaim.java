package io.veroforge.operator.local;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;

/**
 * One local platform's claim on its database: a session-level advisory lock on the server's
 * maintenance database, held on a connection of its own for as long as the platform runs. A
 * second local platform on the same machine would otherwise drop and recreate the first one's
 * database (and re-password its tenant roles, which are server-wide), so it is refused instead,
 * with the holder named. The server releases the lock by itself when the holder dies, so a
 * killed platform never blocks the next start.
 */
final class LocalDatabaseClaim implements AutoCloseable {
    /** The first half of the two-key advisory lock: "VF", so no other application's lock is taken by chance. */
    private static final int LOCK_SPACE = 0x5646;
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
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_catalog.pg_try_advisory_lock(?, pg_catalog.hashtext(?))")) {
                lock.setInt(1, LOCK_SPACE);
                lock.setString(2, database);
                try (ResultSet row = lock.executeQuery()) {
                    row.next();
                    if (!row.getBoolean(1)) {
                        String holder = holder(connection, database);
                        connection.close();
                        throw new IllegalStateException("another VeroForge local platform (" + holder + ") is using database "
                                + database + " on " + maintenanceUrl.replaceFirst("/postgres$", "")
                                + "; starting this one would drop its data. Stop it first, or give this one a database of its own"
                                + " with -Dveroforge-local.database=veroforge_local_2");
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
                        + " WHERE l.locktype = 'advisory' AND l.classid = ? AND l.objid = pg_catalog.hashtext(?)::oid"
                        + " AND l.objsubid = 2 AND l.granted")) {
            query.setInt(1, LOCK_SPACE);
            query.setString(2, database);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1).replace(APPLICATION + database + " ", "") : "process unknown";
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
