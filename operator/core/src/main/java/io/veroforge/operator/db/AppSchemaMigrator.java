package io.veroforge.operator.db;

import io.veroforge.generator.migrate.MigrationPlan;
import io.veroforge.generator.migrate.PlannedStep;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies a generation's {@link MigrationPlan} to its app's schema with Flyway: versioned (version
 * = the Generation's number, description = its name), tracked in {@code veroforge_schema_history}
 * inside the app's schema, each version in its own transaction.
 *
 * <p>The app's schema ({@link AppSchemaName}) is created on first use, owned by the tenant role,
 * once its name is recorded as this app's in the catalogue ({@link OwnedObjects}).
 * The plan runs after {@code SET LOCAL ROLE <tenant role>} and {@code SET LOCAL search_path TO
 * <app schema>}: tables belong to the tenant role, so the FORCEd row-level security binds the role
 * the app logs in as, and the pack's unqualified names land in the app's schema. Extensions the
 * plan creates (pgcrypto for HIPAA, pg_trgm for search indexes) need more than a tenant role may do, so they are created
 * first, by the admin, in the database's {@code public} schema (an extension exists once per
 * database); the plan's own {@code CREATE EXTENSION IF NOT EXISTS} then finds it.
 *
 * <p>Safe to call again at any point: an applied version is reported as already applied; a
 * failing step rolls the whole version back and it is not recorded. Throws
 * {@link DatabaseUnavailableException} when the server cannot be reached (retry with backoff),
 * {@link MigrationRefusedException} for an unapproved destructive plan or an old version, and
 * {@link SchemaMigrationException} when a step fails, and {@link NameConflictException} when the
 * app's schema name is recorded for someone else in the platform's catalogue.
 */
public final class AppSchemaMigrator {

    static final String HISTORY_TABLE = "veroforge_schema_history";
    /** Extensions a plan may ask for; the admin creates them, so only ones the pack needs are allowed. */
    static final Set<String> EXTENSIONS = Set.of("pgcrypto", "pg_trgm");
    private static final Pattern CREATE_EXTENSION = Pattern.compile(
            "CREATE\\s+EXTENSION\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?\"?([A-Za-z0-9_]+)\"?", Pattern.CASE_INSENSITIVE);
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(AppSchemaMigrator.class);

    /**
     * A version applied to an app's schema, as recorded in its history table: {@code n} for a
     * Generation's plan (or its expand part, under a canary), {@code n.1} for the contract part a
     * canary runs after promotion.
     */
    public record AppliedVersion(int version, String generation, Instant appliedAt, boolean contract) {
    }

    private final OwnedObjects catalogue = new OwnedObjects();

    public AppSchemaMigrator() {
    }

    /**
     * Applies {@code plan} as version {@code version} of {@code target}'s schema.
     *
     * @param generation the Generation's name, {@code <app>-<version>}
     * @param allowDestructive whether the plan's destructive steps were approved
     */
    public MigrationOutcome apply(AppDatabase target, int version, String generation, MigrationPlan plan, boolean allowDestructive) {
        return migrate(target, version, false, generation, plan, allowDestructive);
    }

    /**
     * Applies the contract part of a canaried Generation's plan as version {@code n.1}, after its
     * expand part (version {@code n}) and after promotion, when the old revision no longer serves.
     */
    public MigrationOutcome applyContract(AppDatabase target, int version, String generation, MigrationPlan contract, boolean allowDestructive) {
        return migrate(target, version, true, generation, contract, allowDestructive);
    }

    private MigrationOutcome migrate(AppDatabase target, int version, boolean contract, String generation, MigrationPlan plan,
            boolean allowDestructive) {
        if (version < 1) {
            throw new IllegalArgumentException("migration version must be at least 1, was " + version);
        }
        if (generation == null || !generation.endsWith("-" + version)) {
            throw new IllegalArgumentException("generation " + generation + " does not end in -" + version
                    + ": the version is the Generation's number");
        }
        String schema = target.schema().value();
        List<AppliedVersion> applied = appliedVersions(target);
        if (applied.stream().anyMatch(a -> a.version() == version && a.contract() == contract)) {
            return new MigrationOutcome(schema, version, generation, MigrationOutcome.Result.ALREADY_APPLIED, 0);
        }
        if (contract && applied.stream().noneMatch(a -> a.version() == version)) {
            throw new MigrationRefusedException("the contract part of generation " + generation + " cannot run before its expand part (version "
                    + version + ") is applied to schema " + schema, List.of());
        }
        int latest = applied.stream().mapToInt(AppliedVersion::version).max().orElse(0);
        if (latest > version) {
            throw new MigrationRefusedException("generation " + generation + " (version " + version + ") is older than version "
                    + latest + " already applied to schema " + schema + "; a migration cannot go back. If an earlier app of this name"
                    + " was deleted (its schema and data are kept), drop the schema to start over (DROP SCHEMA \"" + schema
                    + "\" CASCADE loses its data) or give the app another name", List.of());
        }
        if (plan.destructive() && !allowDestructive) {
            List<String> destructive = plan.destructiveSteps().stream().map(PlannedStep::description).toList();
            throw new MigrationRefusedException("generation " + generation + " has destructive migration steps that need approval: "
                    + String.join("; ", destructive), destructive);
        }
        prepareSchema(target, plan);

        Flyway flyway = Flyway.configure(AppSchemaMigrator.class.getClassLoader())
                .dataSource(new AdminDataSource(target.adminJdbcUrl(), target.adminUser(), target.adminPassword()))
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(false)
                .table(HISTORY_TABLE)
                .skipDefaultResolvers(true)
                .skipDefaultCallbacks(true)
                .locations(new String[0])
                .javaMigrations(new PlanMigration(version, contract, generation, plan, target.tenantRole(), schema))
                .ignoreMigrationPatterns("*:missing")
                .validateMigrationNaming(false)
                .cleanDisabled(true)
                .outOfOrder(false)
                .group(false)
                .mixed(false)
                .load();
        try {
            MigrateResult result = flyway.migrate();
            LOG.infof("Applied version %d%s (%s, %d steps) to schema %s (%d migrations executed)", version, contract ? ".1 (contract)" : "",
                    generation,
                    plan.steps().size(), schema, result.migrationsExecuted);
            return new MigrationOutcome(schema, version, generation, MigrationOutcome.Result.APPLIED, plan.steps().size());
        } catch (FlywayException e) {
            throw translate(generation, schema, e);
        }
    }

    /** The versions recorded in the app's schema, oldest first; empty before the first migration. */
    public List<AppliedVersion> appliedVersions(AppDatabase target) {
        String schema = target.schema().value();
        try (Connection admin = PostgresConnections.open(target.adminJdbcUrl(), target.adminUser(), target.adminPassword())) {
            try (PreparedStatement exists = admin.prepareStatement(
                    "SELECT pg_catalog.to_regclass(pg_catalog.quote_ident(?) || '.' || pg_catalog.quote_ident(?)) IS NOT NULL")) {
                exists.setString(1, schema);
                exists.setString(2, HISTORY_TABLE);
                try (ResultSet row = exists.executeQuery()) {
                    row.next();
                    if (!row.getBoolean(1)) {
                        return List.of();
                    }
                }
            }
            List<AppliedVersion> versions = new ArrayList<>();
            try (Statement statement = admin.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT version, description, installed_on FROM "
                         + SqlIdentifier.quote(schema) + "." + SqlIdentifier.quote(HISTORY_TABLE)
                         + " WHERE success AND version IS NOT NULL ORDER BY installed_rank")) {
                while (rows.next()) {
                    Timestamp at = rows.getTimestamp(3);
                    String recorded = rows.getString(1);
                    int dot = recorded.indexOf('.');
                    versions.add(new AppliedVersion(Integer.parseInt(dot < 0 ? recorded : recorded.substring(0, dot)), rows.getString(2),
                            at == null ? null : at.toInstant(), dot >= 0));
                }
            }
            return versions;
        } catch (SQLException e) {
            throw SqlFailures.translate("Reading the migration history of schema " + schema, e);
        }
    }

    /** What the app's database has under one schema name. */
    private record SchemaState(String database, boolean exists, boolean ownedByTenantRole, boolean holdsHistory) {
    }

    /**
     * The app's schema, owned by the tenant role, and the extensions the plan creates. The name is
     * claimed in the catalogue first (in the same transaction when the catalogue is in the app's
     * database, as for the basic tier), so the schema is created, or its owner repaired, only when
     * it is recorded as this app's. Data kept under the name of an older VeroForge is never used
     * nor moved silently: the plan is refused until it is renamed (docs/generations.md).
     */
    private void prepareSchema(AppDatabase target, MigrationPlan plan) {
        AppSchemaName name = target.schema();
        String schema = SqlIdentifier.quote(name.value());
        String role = SqlIdentifier.quote(target.tenantRole());
        try (Connection admin = PostgresConnections.open(target.adminJdbcUrl(), target.adminUser(), target.adminPassword())) {
            SchemaState state = read(admin, name.value(), target.tenantRole());
            if (!state.exists()) {
                refuseLegacyData(admin, target);
            }
            boolean catalogueHere = target.catalogueJdbcUrl() != null && target.catalogueJdbcUrl().equals(target.adminJdbcUrl());
            if (catalogueHere) {
                catalogue.ensureTable(admin); // in autocommit mode, before the transaction below
            }
            admin.setAutoCommit(false);
            if (catalogueHere) {
                claim(admin, target, state);
            } else if (target.catalogueJdbcUrl() != null) {
                try (Connection catalogueConnection = PostgresConnections.open(target.catalogueJdbcUrl(), target.adminUser(),
                        target.adminPassword())) {
                    catalogue.ensureTable(catalogueConnection);
                    catalogueConnection.setAutoCommit(false);
                    claim(catalogueConnection, target, state);
                    catalogueConnection.commit(); // before the schema exists: a crash leaves a claim to fill, never an unclaimed schema
                }
            } else if (state.exists() && !state.ownedByTenantRole()) {
                throw new NameConflictException("schema " + name + " in database " + state.database() + " exists but is not owned by role "
                        + target.tenantRole() + "; VeroForge does not take it over; " + OwnedObjects.SEE);
            }
            List<String> statements = new ArrayList<>();
            if (!state.exists()) {
                statements.add("CREATE SCHEMA IF NOT EXISTS " + schema + " AUTHORIZATION " + role); // claimed: a racing twin may have made it
            } else if (!state.ownedByTenantRole()) {
                statements.add("ALTER SCHEMA " + schema + " OWNER TO " + role); // recorded as this app's: repairs a change made by hand
            }
            List<String> extensions = extensionsOf(plan);
            if (!extensions.isEmpty()) {
                // every app of a fresh database may be creating it at once: IF NOT EXISTS does not wait for an uncommitted twin
                statements.add(SharedRowLock.ACQUIRE);
            }
            for (String extension : extensions) {
                statements.add("CREATE EXTENSION IF NOT EXISTS " + SqlIdentifier.quote(extension) + " WITH SCHEMA public");
            }
            Statements.execute(admin, statements);
            admin.commit();
        } catch (SQLException e) {
            throw SqlFailures.translate("Creating schema " + name + " for app " + target.appName(), e);
        }
    }

    /** Claims the app's schema in the caller's transaction; the catalogue's table must exist. */
    private void claim(Connection catalogueConnection, AppDatabase target, SchemaState state) throws SQLException {
        OwnedObjects.Existing existing = !state.exists() ? OwnedObjects.Existing.ABSENT
                : state.ownedByTenantRole() ? OwnedObjects.Existing.adoptable()
                : OwnedObjects.Existing.notAdoptable("it is not owned by the tenant's role " + target.tenantRole());
        catalogue.claim(catalogueConnection, OwnedObjects.Kind.schema, state.database(), target.schema().value(),
                OwnedObjects.Owner.tenant(target.tenantUid(), target.tenantName()).app(target.appName()), existing);
    }

    /** The app's migrated data under its old name ({@link AppSchemaName#legacyValue()}) stops the migration until someone renames it. */
    private static void refuseLegacyData(Connection admin, AppDatabase target) throws SQLException {
        String legacy = target.schema().legacyValue();
        SchemaState old = read(admin, legacy, target.tenantRole());
        if (!old.exists() || !old.holdsHistory()) {
            return;
        }
        String rename = "ALTER SCHEMA \"" + legacy + "\" RENAME TO \"" + target.schema().value() + "\"";
        if (old.ownedByTenantRole()) {
            throw new MigrationRefusedException("app " + target.appName() + " has data in schema " + legacy + " (its name before schema names"
                    + " were made unique across tenants); VeroForge does not move data by itself: rename it in database " + old.database()
                    + " (" + rename + "), then create a new Generation; see docs/generations.md#schema-names", List.of());
        }
        throw new NameConflictException("schema " + legacy + " in database " + old.database() + ", the old name of app " + target.appName()
                + "'s schema, holds a migration history but is not owned by role " + target.tenantRole() + ": under the old names another"
                + " Tenant may have taken it over; VeroForge uses neither it nor a fresh schema until a person decides; " + OwnedObjects.SEE);
    }

    private static SchemaState read(Connection admin, String schema, String role) throws SQLException {
        try (PreparedStatement query = admin.prepareStatement("SELECT pg_catalog.current_database(), n.oid IS NOT NULL,"
                + " coalesce(n.nspowner = r.oid, false),"
                + " EXISTS (SELECT 1 FROM pg_catalog.pg_class c WHERE c.relnamespace = n.oid AND c.relname = ?)"
                + " FROM (SELECT 1) AS one LEFT JOIN pg_catalog.pg_namespace n ON n.nspname = ?"
                + " LEFT JOIN pg_catalog.pg_roles r ON r.rolname = ?")) {
            query.setString(1, HISTORY_TABLE);
            query.setString(2, schema);
            query.setString(3, role);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return new SchemaState(row.getString(1), row.getBoolean(2), row.getBoolean(3), row.getBoolean(4));
            }
        }
    }

    static List<String> extensionsOf(MigrationPlan plan) {
        List<String> extensions = new ArrayList<>();
        for (PlannedStep step : plan.steps()) {
            Matcher m = CREATE_EXTENSION.matcher(step.sql());
            while (m.find()) {
                String name = m.group(1).toLowerCase(Locale.ROOT);
                if (!EXTENSIONS.contains(name)) {
                    throw new MigrationRefusedException("step '" + step.description() + "' creates extension " + name
                            + ", which is not one of the allowed " + EXTENSIONS, List.of());
                }
                if (!extensions.contains(name)) {
                    extensions.add(name);
                }
            }
        }
        return extensions;
    }

    private static RuntimeException translate(String generation, String schema, FlywayException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof StepFailure step) {
                SQLException sql = step.getCause();
                String reason = SqlFailures.reason(sql);
                if (SqlFailures.isUnavailable(sql.getSQLState())) {
                    return new DatabaseUnavailableException("Migrating schema " + schema + " to " + generation
                            + " failed: database unavailable (" + reason + ")", sql);
                }
                return new SchemaMigrationException("Migrating schema " + schema + " to " + generation + " failed at step "
                        + step.index + " of " + step.total + " '" + step.description + "': " + reason
                        + "; the whole version was rolled back and not recorded", step.description, sql.getSQLState(), sql);
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                RuntimeException translated = SqlFailures.translate("Migrating schema " + schema + " to " + generation, sql);
                if (translated instanceof DatabaseUnavailableException) {
                    return translated;
                }
                return new SchemaMigrationException(translated.getMessage(), null, sql.getSQLState(), failure);
            }
        }
        String message = failure.getMessage() == null ? failure.toString() : failure.getMessage().lines().findFirst().orElse("");
        return new SchemaMigrationException("Migrating schema " + schema + " to " + generation + " failed: " + message, null, null,
                failure);
    }

    /** One plan as a Flyway migration: runs its steps as the tenant role in the app's schema. */
    private static final class PlanMigration implements JavaMigration {
        private final int version;
        private final boolean contract;
        private final String generation;
        private final MigrationPlan plan;
        private final String tenantRole;
        private final String schema;

        PlanMigration(int version, boolean contract, String generation, MigrationPlan plan, String tenantRole, String schema) {
            this.version = version;
            this.contract = contract;
            this.generation = generation;
            this.plan = plan;
            this.tenantRole = tenantRole;
            this.schema = schema;
        }

        @Override
        public MigrationVersion getVersion() {
            return MigrationVersion.fromVersion(version + (contract ? ".1" : ""));
        }

        @Override
        public String getDescription() {
            return contract ? generation + " contract" : generation;
        }

        /** Over every step's SQL: a version applied before with other SQL fails Flyway's validation. */
        @Override
        public Integer getChecksum() {
            CRC32 crc = new CRC32();
            for (PlannedStep step : plan.steps()) {
                crc.update(step.sql().getBytes(StandardCharsets.UTF_8));
                crc.update(0);
            }
            return (int) crc.getValue();
        }

        @Override
        public boolean canExecuteInTransaction() {
            return true;
        }

        @Override
        public void migrate(Context context) throws SQLException {
            Connection connection = context.getConnection();
            String searchPath;
            try (Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SELECT pg_catalog.current_setting('search_path')")) {
                row.next();
                searchPath = row.getString(1);
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL ROLE " + SqlIdentifier.quote(tenantRole));
                statement.execute("SET LOCAL search_path TO " + SqlIdentifier.quote(schema));
                int index = 0;
                for (PlannedStep step : plan.steps()) {
                    index++;
                    try {
                        statement.execute(step.sql());
                    } catch (SQLException e) {
                        throw new StepFailure(index, plan.steps().size(), step.description(), e);
                    }
                }
                // Flyway records the version in this same transaction, as the admin who owns the history table
                statement.execute("RESET ROLE");
            }
            try (PreparedStatement restore = connection.prepareStatement("SELECT pg_catalog.set_config('search_path', ?, true)")) {
                restore.setString(1, searchPath);
                restore.execute();
            }
        }
    }

    /** Carries the failing step through Flyway's exception wrapping. */
    private static final class StepFailure extends RuntimeException {
        final int index;
        final int total;
        final String description;

        StepFailure(int index, int total, String description, SQLException cause) {
            super("step " + index + " '" + description + "' failed", cause);
            this.index = index;
            this.total = total;
            this.description = description;
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }
}
