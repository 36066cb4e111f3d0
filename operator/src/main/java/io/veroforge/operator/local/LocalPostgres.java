package io.veroforge.operator.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The PostgreSQL the local platform provisions tenants into: the machine's own server when
 * {@code 127.0.0.1:5432} accepts {@code postgres} without a password (the usual trust setup of a
 * developer box or CI), otherwise an embedded PostgreSQL started in-process, so that a fresh
 * machine needs nothing installed.
 *
 * <p>The platform's data goes into a database of its own, {@value #DATABASE}, made anew on every
 * start: the local Kubernetes API keeps nothing between runs, so schemas, app tables and their
 * migration history left by an earlier run would belong to no Tenant and no Generation (a new
 * {@code <app>-1} would find version 2 of its schema already applied).
 */
public final class LocalPostgres implements AutoCloseable {

    public enum Source {
        LOCAL_SERVER, EMBEDDED,
        /** The user's own ({@code -Dveroforge.postgres.jdbc-url}): used as given, nothing made, dropped or claimed. */
        GIVEN
    }

    public static final String LOCAL_HOST = "127.0.0.1";
    public static final int LOCAL_PORT = 5432;
    public static final String ADMIN_USER = "postgres";
    public static final String DATABASE = "veroforge_local";

    private final Source source;
    private final String host;
    private final int port;
    private final String adminPassword;
    private final EmbeddedPostgres embedded;
    private final String database;
    /** Held while this platform runs on a shared server, so that a second one cannot drop this one's database. */
    private LocalDatabaseClaim claim;

    private LocalPostgres(Source source, String host, int port, String adminPassword, EmbeddedPostgres embedded, String database) {
        this.source = source;
        this.database = database;
        this.host = host;
        this.port = port;
        this.adminPassword = adminPassword;
        this.embedded = embedded;
    }

    /**
     * Uses the server on 127.0.0.1:5432 when it accepts a connection, else starts an embedded one.
     *
     * @param database {@value #DATABASE} unless the user chose another ({@code -Dveroforge-local.database})
     * @throws IllegalStateException when another local platform runs on the same database
     */
    public static LocalPostgres start(String database) {
        return start(LOCAL_HOST, LOCAL_PORT, database);
    }

    /**
     * For an operator attached to a standalone local API, whose objects outlive the operator: the
     * database is kept (made only if missing), so a restarted operator finds its tenants' data.
     */
    public static LocalPostgres attach(String database) {
        if (!accepts(maintenanceUrl(LOCAL_HOST, LOCAL_PORT), ADMIN_USER, "")) {
            throw new IllegalStateException("an operator attached to a standalone local API keeps its data across restarts,"
                    + " which needs the PostgreSQL on " + LOCAL_HOST + ":" + LOCAL_PORT + " (an embedded one would die with the operator)");
        }
        return new LocalPostgres(Source.LOCAL_SERVER, LOCAL_HOST, LOCAL_PORT, "", null, database).claimed(false);
    }

    /**
     * The PostgreSQL the user named with {@code -Dveroforge.postgres.jdbc-url}: the operator uses it as
     * given (a database the user made), so nothing here creates, drops or claims anything on it.
     */
    public static LocalPostgres given(String jdbcUrl) {
        java.net.URI uri = java.net.URI.create(jdbcUrl.substring("jdbc:".length()));
        String database = uri.getPath() == null || uri.getPath().length() < 2 ? "postgres" : uri.getPath().substring(1);
        return new LocalPostgres(Source.GIVEN, uri.getHost(), uri.getPort() < 0 ? LOCAL_PORT : uri.getPort(), "", null, database);
    }

    /** @param database made anew (tests pass a name of their own, so a running local platform keeps its data) */
    static LocalPostgres start(String host, int port, String database) {
        if (accepts(maintenanceUrl(host, port), ADMIN_USER, "")) {
            return new LocalPostgres(Source.LOCAL_SERVER, host, port, "", null, database).withFreshDatabase();
        }
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
            return new LocalPostgres(Source.EMBEDDED, "localhost", pg.getPort(), "postgres", pg, database).withFreshDatabase();
        } catch (IOException e) {
            throw new UncheckedIOException("No PostgreSQL on " + host + ":" + port
                    + " and the embedded one did not start: " + e.getMessage(), e);
        }
    }

    static boolean accepts(String url, String user, String password) {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        props.setProperty("connectTimeout", "2");
        props.setProperty("loginTimeout", "3");
        try (Connection c = new org.postgresql.Driver().connect(url, props)) {
            return c != null && c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private static String maintenanceUrl(String host, int port) {
        return "jdbc:postgresql://" + host + ":" + port + "/postgres";
    }

    private LocalPostgres withFreshDatabase() {
        return claimed(true);
    }

    private LocalPostgres claimed(boolean fresh) {
        if (!database.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("veroforge-local.database: \"" + database
                    + "\" must be lower-case letters, digits and '_' (at most 63), e.g. veroforge_local_2");
        }
        Properties props = new Properties();
        props.setProperty("user", ADMIN_USER);
        props.setProperty("password", adminPassword);
        if (source == Source.LOCAL_SERVER) {
            claim = LocalDatabaseClaim.take(maintenanceUrl(host, port), props, database);
        }
        try (Connection c = new org.postgresql.Driver().connect(maintenanceUrl(host, port), props);
             java.sql.Statement s = c.createStatement()) {
            if (fresh) {
                s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
            boolean exists;
            try (var query = c.prepareStatement("SELECT 1 FROM pg_catalog.pg_database WHERE datname = ?")) {
                query.setString(1, database);
                try (var row = query.executeQuery()) {
                    exists = row.next();
                }
            }
            if (!exists) {
                s.execute("CREATE DATABASE " + database);
            }
            return this;
        } catch (SQLException e) {
            close();
            throw new IllegalStateException("could not create the local platform's database " + database + " on " + host + ":" + port
                    + ": " + e.getMessage(), e);
        }
    }

    public Source source() {
        return source;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public String adminUser() {
        return ADMIN_USER;
    }

    public String adminPassword() {
        return adminPassword;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** For the startup summary, e.g. "local server jdbc:postgresql://127.0.0.1:5432/veroforge_local". */
    public String describe() {
        return switch (source) {
            case LOCAL_SERVER -> "local server " + jdbcUrl();
            case EMBEDDED -> "embedded " + jdbcUrl();
            case GIVEN -> "given " + jdbcUrl();
        };
    }

    @Override
    public void close() {
        if (claim != null) {
            claim.close();
        }
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
