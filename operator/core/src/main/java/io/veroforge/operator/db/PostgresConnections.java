package io.veroforge.operator.db;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Opens short-lived JDBC connections to the shared server: as the admin (to the shared database or
 * a pro tenant's database) or as a tenant role (for the isolation check). One connection per
 * operation is enough for a reconciler, so there is no pool; the timeouts make an unreachable
 * server fail within seconds instead of hanging a reconcile.
 */
final class PostgresConnections {
    /**
     * The driver itself rather than {@code DriverManager}: DriverManager only hands out drivers
     * registered from the caller's class loader, which is not a given in a Quarkus application
     * (or a test JVM that has run one).
     */
    private static final Driver DRIVER = new org.postgresql.Driver();

    static final int CONNECT_TIMEOUT_SECONDS = 5;
    static final int LOGIN_TIMEOUT_SECONDS = 10;
    /** Long enough for CREATE/DROP DATABASE on a busy server. */
    static final int SOCKET_TIMEOUT_SECONDS = 120;
    /** A tenant session holding locks on its schema must not block a reconcile forever. */
    static final String LOCK_TIMEOUT = "10s";

    private final SharedPostgres server;

    PostgresConnections(SharedPostgres server) {
        this.server = server;
    }

    SharedPostgres server() {
        return server;
    }

    /** Admin connection to the shared database (where basic-tier schemas live). */
    Connection admin() throws SQLException {
        return open(server.jdbcUrl(), server.adminUser(), server.adminPassword());
    }

    /** Admin connection to another database of the shared server. */
    Connection admin(String database) throws SQLException {
        return open(server.jdbcUrlFor(database), server.adminUser(), server.adminPassword());
    }

    /** A connection as {@code role}, to the database at {@code jdbcUrl} (which is on the shared server). */
    Connection as(String role, String password, String jdbcUrl) throws SQLException {
        return open(jdbcUrl, role, password);
    }

    static Connection open(String jdbcUrl, String user, String password) throws SQLException {
        // Properties are defaults: parameters written in the configured URL win, so an operator can tune them.
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        properties.setProperty("loginTimeout", Integer.toString(LOGIN_TIMEOUT_SECONDS));
        properties.setProperty("socketTimeout", Integer.toString(SOCKET_TIMEOUT_SECONDS));
        properties.setProperty("ApplicationName", "veroforge-operator");
        // keeps statement text (which may hold a password verifier) out of batch exception messages
        properties.setProperty("logServerErrorDetail", "false");
        properties.setProperty("options", "-c lock_timeout=" + LOCK_TIMEOUT);
        Connection connection = DRIVER.connect(jdbcUrl, properties);
        if (connection == null) {
            throw new SQLException("not a PostgreSQL JDBC URL: " + jdbcUrl, "08001");
        }
        return connection;
    }

}
