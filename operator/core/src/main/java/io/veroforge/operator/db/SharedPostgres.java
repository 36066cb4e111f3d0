package io.veroforge.operator.db;

import java.util.Locale;

/**
 * Where the shared PostgreSQL server is and how the operator administers it. Basic-tier tenant
 * schemas live in the database {@code jdbcUrl} points to; pro-tier tenants get their own database
 * on the same server.
 *
 * @param jdbcUrl admin connection, e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres}; credentials
 *     go in {@code adminUser}/{@code adminPassword}, never in the URL
 * @param adminUser a superuser (it creates roles and databases and hands them to tenant roles)
 * @param adminPassword may be null when the server trusts the operator (local development)
 * @param appHost host the tenant's applications in the cluster use to reach the server
 * @param appPort port the tenant's applications use
 */
public record SharedPostgres(String jdbcUrl, String adminUser, String adminPassword, String appHost, int appPort) {

    static final String URL_PREFIX = "jdbc:postgresql://";

    public SharedPostgres {
        if (jdbcUrl == null || !jdbcUrl.startsWith(URL_PREFIX)) {
            throw new IllegalArgumentException("jdbcUrl must start with " + URL_PREFIX);
        }
        String query = jdbcUrl.indexOf('?') < 0 ? "" : jdbcUrl.substring(jdbcUrl.indexOf('?') + 1);
        for (String parameter : query.toLowerCase(Locale.ROOT).split("&")) {
            // URL parameters override connection properties in pgjdbc: a user= in the URL would make
            // the isolation check log in as the admin instead of the tenant.
            if (parameter.startsWith("user=") || parameter.startsWith("password=")) {
                throw new IllegalArgumentException(
                        "jdbcUrl must not carry user or password; use adminUser and adminPassword");
            }
        }
        if (adminUser == null || adminUser.isBlank()) {
            throw new IllegalArgumentException("adminUser must not be empty");
        }
        if (appHost == null || appHost.isBlank()) {
            throw new IllegalArgumentException("appHost must not be empty");
        }
        if (appPort < 1 || appPort > 65535) {
            throw new IllegalArgumentException("appPort must be between 1 and 65535, was " + appPort);
        }
    }

    /** The admin URL pointed at another database of the same server (a pro tenant's database). */
    String jdbcUrlFor(String database) {
        int pathStart = jdbcUrl.indexOf('/', URL_PREFIX.length());
        int queryStart = jdbcUrl.indexOf('?');
        String hosts = pathStart < 0 || (queryStart >= 0 && queryStart < pathStart)
                ? jdbcUrl.substring(0, queryStart < 0 ? jdbcUrl.length() : queryStart)
                : jdbcUrl.substring(0, pathStart);
        String query = queryStart < 0 ? "" : jdbcUrl.substring(queryStart);
        // database names handed in here are TenantDatabaseNames, i.e. [a-z0-9_], so no URL encoding is needed
        return hosts + "/" + database + query;
    }

    /** Never prints the admin password. */
    @Override
    public String toString() {
        return "SharedPostgres[jdbcUrl=" + jdbcUrl + ", adminUser=" + adminUser + ", adminPassword="
                + (adminPassword == null ? "<none>" : "<redacted>") + ", appHost=" + appHost + ", appPort=" + appPort + "]";
    }
}
