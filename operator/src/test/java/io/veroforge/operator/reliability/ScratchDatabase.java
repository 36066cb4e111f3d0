package io.veroforge.operator.reliability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A database of the machine's PostgreSQL for one run, and the tenant roles created in it
 * (roles are server-wide): {@link #close()} drops both.
 */
public final class ScratchDatabase implements AutoCloseable {
    static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

    private final String name;
    private final String tenantPrefix;

    private ScratchDatabase(String name, String tenantPrefix) {
        this.name = name;
        this.tenantPrefix = tenantPrefix;
    }

    /** A new database {@code name}; roles of tenants named {@code tenantPrefix…} are dropped with it. */
    public static ScratchDatabase create(String name, String tenantPrefix) throws SQLException {
        ScratchDatabase db = new ScratchDatabase(name, tenantPrefix);
        db.admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)", "CREATE DATABASE " + name);
        return db;
    }

    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:5432/" + name;
    }

    /** Names the query returns in this database (first column). */
    public List<String> names(String sql) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl(), "postgres", "");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    /** Tenant schemas of this run's tenants. */
    public List<String> tenantSchemas() throws SQLException {
        return names("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'tenant\\_" + tenantPrefix + "%' ORDER BY 1");
    }

    /** Login roles of this run's tenants (the owner roles cannot log in). */
    public List<String> tenantLoginRoles() throws SQLException {
        return names("SELECT rolname FROM pg_roles WHERE rolcanlogin AND rolname LIKE 'tenant\\_" + tenantPrefix + "%' ORDER BY 1");
    }

    private void admin(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(ADMIN_URL, "postgres", ""); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        List<String> roles = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(ADMIN_URL, "postgres", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT rolname FROM pg_roles WHERE rolname LIKE 'tenant\\_" + tenantPrefix + "%'")) {
            while (rs.next()) {
                roles.add("DROP ROLE IF EXISTS \"" + rs.getString(1) + "\"");
            }
        }
        admin(roles.toArray(String[]::new));
    }
}
