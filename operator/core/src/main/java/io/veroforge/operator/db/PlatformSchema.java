package io.veroforge.operator.db;

import java.sql.SQLException;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The platform's own tables in schema {@value PostgresFillCache#SCHEMA} of the shared server, one
 * Flyway history for all of them (two histories in one schema would each find the schema not
 * empty and refuse): version 1 the gap fill cache, 2 the app vectors. Each component runs it on
 * its first use (Flyway finds nothing to do after the first), so a database that is down at
 * start stops nothing.
 */
final class PlatformSchema {
    private PlatformSchema() {
    }

    /** @param what the component's table, for the message when the server refuses ("the gap fill cache") */
    static void migrate(SharedPostgres server, String what) {
        // one at a time: two components migrating at once would race for the history table
        synchronized (PlatformSchema.class) {
            Flyway flyway = Flyway.configure(PlatformSchema.class.getClassLoader())
                    .dataSource(new AdminDataSource(server.jdbcUrl(), server.adminUser(), server.adminPassword()))
                    .schemas(PostgresFillCache.SCHEMA).defaultSchema(PostgresFillCache.SCHEMA).createSchemas(true)
                    .table("veroforge_platform_history")
                    .skipDefaultResolvers(true).skipDefaultCallbacks(true).locations(new String[0])
                    .javaMigrations(new PlatformMigration("1", "gap fill cache", PostgresFillCache.CREATE_SQL),
                            new PlatformMigration("2", "app vectors", PostgresAppVectors.CREATE_SQL))
                    .validateMigrationNaming(false).cleanDisabled(true)
                    .load();
            try {
                flyway.migrate();
            } catch (FlywayException e) {
                Throwable cause = e;
                while (cause != null && !(cause instanceof SQLException)) {
                    cause = cause.getCause();
                }
                if (cause instanceof SQLException sql) {
                    throw SqlFailures.translate("creating " + what + " (schema " + PostgresFillCache.SCHEMA + ")", sql);
                }
                throw new DatabaseProvisioningException("creating " + what + " (schema " + PostgresFillCache.SCHEMA + ") failed: " + e.getMessage(), e);
            }
        }
    }
}
