package io.veroforge.operator.db;

import io.veroforge.api.v1alpha1.Tier;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

/**
 * The test suite's PostgreSQL (system property {@code vf.test.pg.url}, trust authentication
 * for user postgres), plus the small things tests need: unique tenant names (roles are cluster-wide
 * and other suites share the server), admin and tenant connections, one-value queries, and cleanup.
 */
final class PostgresFixture implements AutoCloseable {

    static final String URL = System.getProperty("vf.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
    static final String APP_HOST = "postgres.veroforge-system.svc";
    static final int APP_PORT = 5432;
    private static final SecureRandom RANDOM = new SecureRandom();

    final String jdbcUrl;
    final SharedPostgres server;
    final TenantDatabaseProvisioner provisioner;
    private final List<Runnable> cleanups = new ArrayList<>();

    PostgresFixture() {
        this(URL);
    }

    PostgresFixture(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
        this.server = new SharedPostgres(jdbcUrl, "postgres", null, APP_HOST, APP_PORT);
        this.provisioner = new TenantDatabaseProvisioner(server);
    }

    /** A tenant name no other test (or test run) uses; dropped with all its data on {@link #close()}. */
    String newTenant(String label, Tier tier) {
        String name = "dbt-" + HexFormat.of().formatHex(randomBytes(4)) + "-" + label;
        cleanups.add(() -> provisioner.drop(name, PostgresFixture.uidOf(name), tier));
        return name;
    }

    /** A tenant name derived from another test tenant's (so it is as unique); dropped with all its data on {@link #close()}. */
    String tenantNamed(String name, Tier tier) {
        cleanups.add(() -> provisioner.drop(name, uidOf(name), tier));
        return name;
    }

    /** The stand-in for the Tenant's metadata.uid the catalogue records: one per tenant name, as a live Tenant has. */
    static String uidOf(String tenantName) {
        return "uid-" + tenantName;
    }

    static String newPassword() {
        return HexFormat.of().formatHex(randomBytes(16)) + "-Pw";
    }

    /** Runs {@code sql} when the test ends (for objects a test creates behind the provisioner's back). */
    void cleanupSql(String sql) {
        cleanups.add(() -> {
            try (Connection admin = admin(); Statement statement = admin.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    Connection admin() throws SQLException {
        return connect(jdbcUrl, "postgres", null);
    }

    Connection adminTo(String database) throws SQLException {
        return connect(server.jdbcUrlFor(database), "postgres", null);
    }

    /**
     * Through the driver itself, not DriverManager: once a @QuarkusTest has run in this JVM, the
     * driver DriverManager knows belongs to Quarkus' (closed) class loader and it finds none.
     */
    static Connection connect(String url, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        return new org.postgresql.Driver().connect(url, properties);
    }

    /** A session as the tenant's role; the shared test server trusts local TCP, so any password is accepted there. */
    Connection as(String role, String password, String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", role);
        properties.setProperty("password", password);
        return new org.postgresql.Driver().connect(server.jdbcUrlFor(database), properties);
    }

    void execute(String sql) throws SQLException {
        try (Connection admin = admin(); Statement statement = admin.createStatement()) {
            statement.execute(sql);
        }
    }

    /** First column of the first row (null when there is no row), as the admin in the shared database. */
    Object queryValue(String sql, Object... parameters) throws SQLException {
        try (Connection admin = admin()) {
            return queryValue(admin, sql, parameters);
        }
    }

    static Object queryValue(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getObject(1) : null;
            }
        }
    }

    @Override
    public void close() {
        RuntimeException first = null;
        for (int i = cleanups.size() - 1; i >= 0; i--) {
            try {
                cleanups.get(i).run();
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
