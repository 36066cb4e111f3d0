package io.veroforge.operator.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.veroforge.api.v1alpha1.Tier;
import io.veroforge.generator.analyze.SpecAnalyzer;
import io.veroforge.generator.migrate.ExpandContract;
import io.veroforge.generator.migrate.MigrationPlan;
import io.veroforge.generator.migrate.MigrationPlanner;
import io.veroforge.generator.migrate.PlannedStep;
import io.veroforge.generator.model.ResolvedModel;
import io.veroforge.generator.resolve.AppModelResolver;
import io.veroforge.generator.resolve.Resolution;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Migrating app schemas with Flyway against the suite's real PostgreSQL: a fresh database per
 * run, holding one basic-tier tenant (role and schema from the operator's own provisioner); each
 * test migrates its own app, so tests do not depend on each other.
 */
class AppSchemaMigratorTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SUFFIX = HexFormat.of().formatHex(randomBytes(4));
    private static final String DATABASE = "vf_mig_" + SUFFIX;
    private static final String TENANT = "mig-" + SUFFIX;

    private static SharedPostgres server;
    private static TenantDatabaseNames names;
    private final AppSchemaMigrator migrator = new AppSchemaMigrator();

    /** A HIPAA app (pgcrypto, audit log) with two related entities. */
    static final String SPEC = """
            apiVersion: veroforge.io/v1alpha1
            kind: AppSpec
            metadata:
              name: clinic
            spec:
              compliance: {hipaa: true}
              entities:
                - name: Gadget
                  fields:
                    - {name: label, type: string, required: true, maxLength: 40}
                    - {name: notes, type: text}
                    - {name: diagnosis, type: text, markers: [phi]}
                - name: Widget
                  fields:
                    - {name: title, type: string, required: true}
                  relations:
                    - {name: gadget, kind: manyToOne, target: Gadget, required: true}
              roles:
                - name: admin
                  permissions:
                    - {entity: "*", actions: [create, read, update, delete]}
            """;

    @BeforeAll
    static void createDatabaseAndTenant() throws SQLException {
        try (Connection admin = PostgresFixture.connect(PostgresFixture.URL, "postgres", null);
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + DATABASE);
        }
        SharedPostgres shared = new SharedPostgres(PostgresFixture.URL, "postgres", null, PostgresFixture.APP_HOST, PostgresFixture.APP_PORT);
        server = new SharedPostgres(shared.jdbcUrlFor(DATABASE), "postgres", null, PostgresFixture.APP_HOST, PostgresFixture.APP_PORT);
        new TenantDatabaseProvisioner(server).ensure(TENANT, PostgresFixture.uidOf(TENANT), Tier.basic, PostgresFixture.newPassword());
        names = TenantDatabaseNames.of(TENANT);
    }

    @AfterAll
    static void dropDatabaseAndRole() throws SQLException {
        try (Connection admin = PostgresFixture.connect(PostgresFixture.URL, "postgres", null);
             Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            statement.execute("DROP ROLE IF EXISTS " + SqlIdentifier.quote(names.role()));
        }
    }

    private static AppDatabase app(String appName) {
        return AppDatabase.on(server, TENANT, PostgresFixture.uidOf(TENANT), Tier.basic, appName);
    }

    private static ResolvedModel model(String spec) {
        Resolution r = new AppModelResolver().resolve(new SpecAnalyzer().analyze(spec, "test.yaml"));
        assertThat(r.errors()).isEmpty();
        return r.model();
    }

    private static ResolvedModel first() {
        return model(SPEC);
    }

    private static ResolvedModel withField(String line) {
        return model(SPEC.replace("        - {name: notes, type: text}\n", "        - {name: notes, type: text}\n" + line + "\n"));
    }

    private static ResolvedModel withoutNotes() {
        return model(SPEC.replace("        - {name: notes, type: text}\n", ""));
    }

    @Test
    void theFirstPlanCreatesTheTablesInTheAppSchemaOwnedByTheTenantRoleWithForcedRls() throws SQLException {
        AppDatabase app = app("first-app");

        MigrationOutcome outcome = migrator.apply(app, 1, "first-app-1", MigrationPlanner.plan(null, first()), false);

        String tenantPart = TENANT.replace('-', '_');
        String schema = "app_" + tenantPart.length() + "_" + tenantPart + "_first_app";
        assertThat(app.schema().value()).isEqualTo(schema);
        assertThat(outcome).isEqualTo(new MigrationOutcome(schema, 1, "first-app-1", MigrationOutcome.Result.APPLIED, 2));
        assertThat(queryValue("SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = ?", schema)).isEqualTo(names.role());
        List<List<Object>> tables = rows("SELECT c.relname, pg_get_userbyid(c.relowner), c.relrowsecurity, c.relforcerowsecurity"
                + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relkind = 'r'"
                + " AND c.relname <> 'veroforge_schema_history' ORDER BY 1", schema);
        assertThat(tables).extracting(r -> r.get(0)).containsExactly("audit_log", "directory_users", "gadgets", "widgets");
        assertThat(tables).allSatisfy(r -> assertThat(r.subList(1, 4)).containsExactly(names.role(), true, true));
        assertThat(queryValue("SELECT count(*) FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND p.polname = 'tenant_isolation'", schema))
                .as("one per tenant-owned table, the user directory included").isEqualTo(4L);
        assertThat(queryValue("SELECT extname FROM pg_extension WHERE extname = 'pgcrypto'")).isEqualTo("pgcrypto");
        assertThat(migrator.appliedVersions(app)).extracting(AppSchemaMigrator.AppliedVersion::version,
                AppSchemaMigrator.AppliedVersion::generation).containsExactly(org.assertj.core.groups.Tuple.tuple(1, "first-app-1"));
    }

    @Test
    void appliedTablesKeepTenantsApartForTheRoleTheAppLogsInAs() throws SQLException {
        AppDatabase app = app("rls-app");
        migrator.apply(app, 1, "rls-app-1", MigrationPlanner.plan(null, first()), false);
        String table = SqlIdentifier.quote(app.schema().value()) + ".gadgets";

        try (Connection tenant = PostgresFixture.connect(server.jdbcUrl(), names.role(), "any");
             Statement statement = tenant.createStatement()) {
            // the generated app's connection has the app schema as search path (the audit trigger writes audit_log unqualified)
            statement.execute("SET search_path TO " + SqlIdentifier.quote(app.schema().value()));
            tenant.setAutoCommit(false);
            statement.execute("SELECT set_config('veroforge.tenant_id', 'a', true)");
            statement.execute("INSERT INTO " + table + " (label) VALUES ('of a')");
            tenant.commit();
            statement.execute("SELECT set_config('veroforge.tenant_id', 'b', true)");
            try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
                rows.next();
                assertThat(rows.getLong(1)).isZero();
            }
            tenant.commit();
        }
    }

    @Test
    void applyingTheSameVersionAgainIsANoOp() throws SQLException {
        AppDatabase app = app("again-app");
        MigrationPlan plan = MigrationPlanner.plan(null, first());
        migrator.apply(app, 1, "again-app-1", plan, false);

        MigrationOutcome again = migrator.apply(app, 1, "again-app-1", plan, false);

        assertThat(again.result()).isEqualTo(MigrationOutcome.Result.ALREADY_APPLIED);
        assertThat(again.message()).contains("already applied");
        assertThat(queryValue("SELECT count(*) FROM " + SqlIdentifier.quote(app.schema().value()) + ".veroforge_schema_history"))
                .isEqualTo(1L);
    }

    @Test
    void aCanariedPlanRunsItsContractPartAsVersionNPointOneOnlyAfterItsExpandPart() throws SQLException {
        AppDatabase app = app("split-app");
        migrator.apply(app, 1, "split-app-1", MigrationPlanner.plan(null, first()), false);
        String schema = app.schema().value();
        ExpandContract split = MigrationPlanner.plan(first(), withField("        - {name: priority, type: integer, required: true, min: 1}"))
                .expandContract();
        assertThatThrownBy(() -> migrator.applyContract(app, 2, "split-app-2", split.contract(), false))
                .isInstanceOf(MigrationRefusedException.class).hasMessageContaining("before its expand part");

        migrator.apply(app, 2, "split-app-2", split.expand(), false);
        execute("SET search_path TO " + SqlIdentifier.quote(schema) + "; INSERT INTO gadgets (tenant_id, label) VALUES ('t1', 'old revision')");
        assertThat(queryValue("SELECT priority FROM " + SqlIdentifier.quote(schema) + ".gadgets WHERE label = 'old revision'"))
                .as("the default stays while the old revision inserts without the column").isEqualTo(1);

        MigrationOutcome contract = migrator.applyContract(app, 2, "split-app-2", split.contract(), false);
        assertThat(contract.result()).isEqualTo(MigrationOutcome.Result.APPLIED);
        assertThat(migrator.applyContract(app, 2, "split-app-2", split.contract(), false).result())
                .isEqualTo(MigrationOutcome.Result.ALREADY_APPLIED);
        assertThat(queryValue("SELECT coalesce(column_default, '-') FROM information_schema.columns"
                + " WHERE table_schema = ? AND table_name = 'gadgets' AND column_name = 'priority'", schema)).isEqualTo("-");
        assertThat(migrator.appliedVersions(app)).extracting(AppSchemaMigrator.AppliedVersion::version, AppSchemaMigrator.AppliedVersion::contract)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, false), org.assertj.core.groups.Tuple.tuple(2, false),
                        org.assertj.core.groups.Tuple.tuple(2, true));
        MigrationOutcome third = migrator.apply(app, 3, "split-app-3", MigrationPlanner.plan(first(), first()), false);
        assertThat(third.result()).as("the next Generation's version follows n.1").isEqualTo(MigrationOutcome.Result.APPLIED);
    }

    @Test
    void aSecondGenerationAddingAFieldKeepsExistingRows() throws SQLException {
        AppDatabase app = app("grow-app");
        migrator.apply(app, 1, "grow-app-1", MigrationPlanner.plan(null, first()), false);
        String schema = app.schema().value();
        execute("SET search_path TO " + SqlIdentifier.quote(schema) + "; INSERT INTO gadgets (tenant_id, label) VALUES ('t1', 'kept')");
        MigrationPlan second = MigrationPlanner.plan(first(), withField("        - {name: priority, type: integer, required: true, min: 1}"));
        assertThat(second.steps()).extracting(PlannedStep::description).satisfiesExactly(
                d -> assertThat(d).startsWith("add column gadgets.priority"), d -> assertThat(d).startsWith("drop default of gadgets.priority"));

        MigrationOutcome outcome = migrator.apply(app, 2, "grow-app-2", second, false);

        assertThat(outcome.result()).isEqualTo(MigrationOutcome.Result.APPLIED);
        assertThat(queryValue("SELECT priority FROM " + SqlIdentifier.quote(schema) + ".gadgets WHERE label = 'kept'")).isEqualTo(1);
        assertThat(queryValue("SELECT is_nullable || coalesce(column_default, '-') FROM information_schema.columns"
                + " WHERE table_schema = ? AND table_name = 'gadgets' AND column_name = 'priority'", schema)).isEqualTo("NO-");
        assertThat(migrator.appliedVersions(app)).extracting(AppSchemaMigrator.AppliedVersion::version).containsExactly(1, 2);
    }

    @Test
    void aMigratedSchemaMatchesAFreshInstallOfTheNextGeneration() throws SQLException {
        String grown = SPEC
                .replace("{name: label, type: string, required: true, maxLength: 40}", "{name: label, type: string, required: true, maxLength: 80}")
                .replace("        - {name: notes, type: text}\n", "        - {name: notes, type: text}\n"
                        + "        - {name: rating, type: integer, required: true, min: 1, max: 5}\n"
                        + "        - {name: code, type: string, maxLength: 12, unique: true}\n")
                .replace("  roles:\n", "    - name: Sprocket\n      fields:\n        - {name: size, type: enum, values: [small, large], required: true}\n"
                        + "      relations:\n        - {name: widget, kind: manyToOne, target: Widget}\n  roles:\n");
        AppDatabase migrated = app("migrated-app");
        AppDatabase fresh = app("fresh-app");
        migrator.apply(migrated, 1, "migrated-app-1", MigrationPlanner.plan(null, first()), false);
        execute("SET search_path TO " + SqlIdentifier.quote(migrated.schema().value())
                + "; INSERT INTO gadgets (tenant_id, label) VALUES ('t1', 'kept')");

        migrator.apply(migrated, 2, "migrated-app-2", MigrationPlanner.plan(first(), model(grown)), false);
        migrator.apply(fresh, 2, "fresh-app-2", MigrationPlanner.plan(null, model(grown)), false);

        assertThat(catalog(migrated)).isEqualTo(catalog(fresh)).isNotEmpty();
    }

    /** Columns, constraints, indexes and policies of an app schema, with the schema name taken out. */
    private static List<String> catalog(AppDatabase app) throws SQLException {
        String schema = app.schema().value();
        List<String> out = new ArrayList<>();
        rows("SELECT table_name, column_name, data_type, character_maximum_length, numeric_precision, is_nullable, column_default"
                + " FROM information_schema.columns WHERE table_schema = ? AND table_name <> 'veroforge_schema_history'"
                + " ORDER BY 1, 2", schema).forEach(r -> out.add("column " + r));
        rows("SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid) FROM pg_constraint c"
                + " JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = ? ORDER BY 1, 2", schema)
                .forEach(r -> out.add("constraint " + r));
        rows("SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = ? AND tablename <> 'veroforge_schema_history'"
                + " ORDER BY 1, 2", schema).forEach(r -> out.add("index " + r));
        rows("SELECT tablename, policyname, qual, with_check FROM pg_policies WHERE schemaname = ? ORDER BY 1, 2", schema)
                .forEach(r -> out.add("policy " + r));
        rows("SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity, pg_get_userbyid(c.relowner) FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relkind = 'r'"
                + " AND c.relname <> 'veroforge_schema_history' ORDER BY 1", schema).forEach(r -> out.add("table " + r));
        return out.stream().map(line -> line.replace(schema + ".", "").replace(schema, "<schema>")).toList();
    }

    @Test
    void aDestructivePlanIsRefusedWithoutApprovalAndAppliedWithIt() throws SQLException {
        AppDatabase app = app("shrink-app");
        migrator.apply(app, 1, "shrink-app-1", MigrationPlanner.plan(null, first()), false);
        String schema = app.schema().value();
        MigrationPlan drop = MigrationPlanner.plan(first(), withoutNotes());
        assertThat(drop.destructive()).isTrue();

        assertThatThrownBy(() -> migrator.apply(app, 2, "shrink-app-2", drop, false))
                .isInstanceOf(MigrationRefusedException.class)
                .hasMessageContaining("need approval")
                .hasMessageContaining("drop column gadgets.notes");
        assertThat(columnExists(schema, "gadgets", "notes")).isTrue();
        assertThat(migrator.appliedVersions(app)).hasSize(1);

        MigrationOutcome approved = migrator.apply(app, 2, "shrink-app-2", drop, true);

        assertThat(approved.result()).isEqualTo(MigrationOutcome.Result.APPLIED);
        assertThat(columnExists(schema, "gadgets", "notes")).isFalse();
    }

    @Test
    void aFailingStepRollsBackTheWholeVersionAndARetryAfterTheFixWorks() throws SQLException {
        AppDatabase app = app("broken-app");
        migrator.apply(app, 1, "broken-app-1", MigrationPlanner.plan(null, first()), false);
        String schema = app.schema().value();
        MigrationPlan broken = new MigrationPlan(List.of(
                new PlannedStep("add column gadgets.color", "ALTER TABLE gadgets ADD COLUMN color text;", false),
                new PlannedStep("add column sprockets.size", "ALTER TABLE sprockets ADD COLUMN size text;", false)));

        assertThatThrownBy(() -> migrator.apply(app, 2, "broken-app-2", broken, false))
                .isInstanceOfSatisfying(SchemaMigrationException.class, e -> {
                    assertThat(e.failedStep()).isEqualTo("add column sprockets.size");
                    assertThat(e.sqlState()).isEqualTo("42P01");
                })
                .hasMessageContaining("step 2 of 2 'add column sprockets.size'")
                .hasMessageContaining("SQLState 42P01")
                .hasMessageContaining("rolled back");
        assertThat(columnExists(schema, "gadgets", "color")).isFalse();
        assertThat(migrator.appliedVersions(app)).extracting(AppSchemaMigrator.AppliedVersion::version).containsExactly(1);

        MigrationPlan fixed = new MigrationPlan(List.of(broken.steps().get(0)));
        assertThat(migrator.apply(app, 2, "broken-app-2", fixed, false).result()).isEqualTo(MigrationOutcome.Result.APPLIED);
        assertThat(columnExists(schema, "gadgets", "color")).isTrue();
    }

    @Test
    void appsOfOneTenantGetTheirOwnSchemas() throws SQLException {
        MigrationPlan plan = MigrationPlanner.plan(null, first());
        migrator.apply(app("twin-a"), 1, "twin-a-1", plan, false);
        migrator.apply(app("twin-b"), 1, "twin-b-1", plan, false);

        assertThat(rows("SELECT n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE c.relname = 'gadgets' AND n.nspname LIKE ? ORDER BY 1", "app\\_%\\_twin\\_%"))
                .extracting(r -> r.get(0)).containsExactly(app("twin-a").schema().value(), app("twin-b").schema().value());
    }

    @Test
    void deletingTheTenantsDataTakesItsAppSchemasWithIt() throws SQLException {
        String tenant = TENANT + "-del";
        TenantDatabaseProvisioner provisioner = new TenantDatabaseProvisioner(server);
        provisioner.ensure(tenant, PostgresFixture.uidOf(tenant), Tier.basic, PostgresFixture.newPassword());
        AppDatabase app = AppDatabase.on(server, tenant, PostgresFixture.uidOf(tenant), Tier.basic, "doomed");
        migrator.apply(app, 1, "doomed-1", MigrationPlanner.plan(null, first()), false);

        // The app schema holds the admin-written history table; the tenant's role owns the rest.
        provisioner.drop(tenant, PostgresFixture.uidOf(tenant), Tier.basic);

        assertThat(queryValue("SELECT count(*) FROM pg_namespace WHERE nspname = ?", app.schema().value())).isEqualTo(0L);
        assertThat(queryValue("SELECT count(*) FROM pg_roles WHERE rolname = ?", TenantDatabaseNames.of(tenant).role())).isEqualTo(0L);
    }

    @Test
    void anOlderVersionThanTheAppliedOneIsRefused() {
        AppDatabase app = app("old-app");
        migrator.apply(app, 3, "old-app-3", MigrationPlanner.plan(null, first()), false);

        assertThatThrownBy(() -> migrator.apply(app, 2, "old-app-2", new MigrationPlan(List.of()), false))
                .isInstanceOf(MigrationRefusedException.class).hasMessageContaining("older than version 3");
    }

    @Test
    void anUnreachableDatabaseIsReportedAsUnavailable() {
        AppDatabase unreachable = new AppDatabase("jdbc:postgresql://127.0.0.1:1/" + DATABASE, "postgres", null, names.role(),
                names.schema(), "lost-app");

        assertThatThrownBy(() -> migrator.apply(unreachable, 1, "lost-app-1", MigrationPlanner.plan(null, first()), false))
                .isInstanceOf(DatabaseUnavailableException.class).hasMessageContaining("SQLState 08");
    }

    @Test
    void longAppSchemaNamesAreCutWithAHashAndStayDistinct() {
        String tenantSchema = "tenant_" + "t".repeat(40);
        AppSchemaName a = AppSchemaName.of(tenantSchema, "a-rather-long-application-name-one");
        AppSchemaName b = AppSchemaName.of(tenantSchema, "a-rather-long-application-name-two");

        assertThat(AppSchemaName.of("tenant_acme", "pest-control").value()).isEqualTo("app_4_acme_pest_control");
        assertThat(a.value()).hasSize(63).startsWith("app_40_" + "t".repeat(40) + "_a").matches(".*_[0-9a-z]{13}");
        assertThat(a.value()).isNotEqualTo(b.value()).isEqualTo(AppSchemaName.of(tenantSchema, "a-rather-long-application-name-one").value());
        assertThatThrownBy(() -> AppSchemaName.of("tenant_acme", "Bad_Name")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("app name 'Bad_Name'");
    }

    /**
     * Found by the Generation chaos harness: apps of a fresh database migrating at once each ran
     * {@code CREATE EXTENSION IF NOT EXISTS}, and the ones that lost the race failed with a
     * duplicate key in {@code pg_extension} (IF NOT EXISTS does not wait for an uncommitted twin).
     */
    @Test
    void appsOfAFreshDatabaseMigratedAtOnceAllGetTheExtensionTheirPlanNeeds() throws Exception {
        String database = "vf_migx_" + SUFFIX;
        String tenant = "migx-" + SUFFIX;
        try (Connection admin = PostgresFixture.connect(PostgresFixture.URL, "postgres", null); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        try {
            SharedPostgres fresh = new SharedPostgres(new SharedPostgres(PostgresFixture.URL, "postgres", null, PostgresFixture.APP_HOST,
                    PostgresFixture.APP_PORT).jdbcUrlFor(database), "postgres", null, PostgresFixture.APP_HOST, PostgresFixture.APP_PORT);
            new TenantDatabaseProvisioner(fresh).ensure(tenant, PostgresFixture.uidOf(tenant), Tier.basic, PostgresFixture.newPassword());
            MigrationPlan plan = MigrationPlanner.plan(null, first());
            assertThat(AppSchemaMigrator.extensionsOf(plan)).as("the plan needs an extension").contains("pgcrypto");
            int apps = 8;
            java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(apps);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(apps);
            try {
                List<java.util.concurrent.Future<MigrationOutcome>> outcomes = new ArrayList<>();
                for (int i = 0; i < apps; i++) {
                    String name = "ext-app-" + i;
                    outcomes.add(pool.submit(() -> {
                        together.await();
                        return migrator.apply(AppDatabase.on(fresh, tenant, PostgresFixture.uidOf(tenant), Tier.basic, name), 1, name + "-1", plan, false);
                    }));
                }
                for (var outcome : outcomes) {
                    assertThat(outcome.get().result()).isEqualTo(MigrationOutcome.Result.APPLIED);
                }
            } finally {
                pool.shutdownNow();
            }
        } finally {
            try (Connection admin = PostgresFixture.connect(PostgresFixture.URL, "postgres", null); Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
                statement.execute("DROP ROLE IF EXISTS " + SqlIdentifier.quote(TenantDatabaseNames.of(tenant).role()));
            }
        }
    }

    // ---- small SQL helpers, as the admin in the test database ----

    private static boolean columnExists(String schema, String table, String column) throws SQLException {
        return (Long) queryValue("SELECT count(*) FROM information_schema.columns WHERE table_schema = ? AND table_name = ?"
                + " AND column_name = ?", schema, table, column) == 1L;
    }

    private static void execute(String sql) throws SQLException {
        try (Connection admin = PostgresFixture.connect(server.jdbcUrl(), "postgres", null);
             Statement statement = admin.createStatement()) {
            statement.execute(sql);
        }
    }

    private static Object queryValue(String sql, Object... parameters) throws SQLException {
        List<List<Object>> rows = rows(sql, parameters);
        return rows.isEmpty() ? null : rows.get(0).get(0);
    }

    private static List<List<Object>> rows(String sql, Object... parameters) throws SQLException {
        try (Connection admin = PostgresFixture.connect(server.jdbcUrl(), "postgres", null);
             PreparedStatement query = admin.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            List<List<Object>> out = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int c = 1; c <= columns; c++) {
                        row.add(rs.getObject(c));
                    }
                    out.add(row);
                }
            }
            return out;
        }
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
