package io.veroforge.operator.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The real local PostgreSQL for the operator's tests: a database of this run's own, reached
 * through a {@link TcpProxy} the tests can cut. Tenant names used by tests start with
 * {@link #PREFIX}, so the roles and databases they leave on the shared server (both are
 * cluster-wide) can be found and dropped at the end.
 */
public class TestPostgres implements QuarkusTestResourceLifecycleManager {
    /** Unique per JVM, so parallel sessions and reruns never share a tenant name. */
    public static final String PREFIX = "it" + randomLetters(5);
    public static final String ADMIN_URL = System.getProperty("vf.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
    public static TcpProxy proxy;
    public static String database;

    @Override
    public Map<String, String> start() {
        try {
            database = "veroforge_test_" + PREFIX;
            admin("CREATE DATABASE " + database);
            proxy = new TcpProxy("127.0.0.1", 5432);
            return Map.of(
                    "veroforge.postgres.jdbc-url", "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + database + "?connectTimeout=2&socketTimeout=10",
                    "veroforge.postgres.admin-user", "postgres",
                    "veroforge.postgres.app-host", "127.0.0.1",
                    "veroforge.postgres.app-port", "5432");
        } catch (Exception e) {
            throw new IllegalStateException("PostgreSQL must run on 127.0.0.1:5432 for the operator tests", e);
        }
    }

    @Override
    public void stop() {
        try {
            if (proxy != null) {
                proxy.close();
            }
            String pattern = "tenant\\_" + PREFIX + "%";
            for (String db : names("SELECT datname FROM pg_database WHERE datname LIKE '" + pattern + "'")) {
                admin("DROP DATABASE IF EXISTS \"" + db + "\" WITH (FORCE)");
            }
            admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            for (String role : names("SELECT rolname FROM pg_roles WHERE rolname LIKE '" + pattern + "'")) {
                admin("DROP ROLE IF EXISTS \"" + role + "\"");
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not clean up test databases", e);
        }
    }

    /** A connection to this run's database as the superuser, directly (not through the proxy). */
    public static Connection connectAsAdmin() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", "");
    }

    public static Connection connect(String db, String user, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + db, user, password);
    }

    /** A tenant name no other run uses. */
    public static String tenantName(String suffix) {
        return PREFIX + "-" + suffix;
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(ADMIN_URL, "postgres", ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static List<String> names(String sql) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(ADMIN_URL, "postgres", ""); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static String randomLetters(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
