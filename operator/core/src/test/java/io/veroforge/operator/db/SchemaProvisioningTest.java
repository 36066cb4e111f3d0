package io.veroforge.operator.db;

import static io.veroforge.operator.db.PostgresFixture.queryValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.veroforge.api.v1alpha1.Tier;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Basic tier against the suite's real PostgreSQL: a schema with RLS baseline and a login role per tenant. */
class SchemaProvisioningTest {

    private final PostgresFixture postgres = new PostgresFixture();
    private final TenantDatabaseProvisioner provisioner = postgres.provisioner;

    @AfterEach
    void dropTenants() {
        postgres.close();
    }

    @Test
    void ensureCreatesSchemaOwnedByTheTenantsLoginRole() throws Exception {
        String tenant = postgres.newTenant("acme", Tier.basic);
        TenantDatabaseNames names = TenantDatabaseNames.of(tenant);

        ProvisionedDatabase database = provisioner.ensure(tenant, PostgresFixture.uidOf(tenant), Tier.basic, PostgresFixture.newPassword());

        assertThat(database).isEqualTo(new ProvisionedDatabase(PostgresFixture.APP_HOST, PostgresFixture.APP_PORT,
                "postgres", names.schema(), names.role()));
        assertThat(postgres.queryValue("SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = ?", names.schema()))
                .isEqualTo(names.role());
        assertThat(postgres.queryValue("SELECT rolcanlogin FROM pg_roles WHERE rolname = ?", names.role())).isEqualTo(true);
    }

    @Test
    void tenantRoleHasNoPowersBeyondItsOwnSchema() throws Exception {
        String tenant = postgres.newTenant("powerless", Tier.basic);
        TenantDatabaseNames names = TenantDatabaseNames.of(tenant);
        String password = PostgresFixture.newPassword();
        provisioner.ensure(tenant, PostgresFixture.uidOf(tenant), Tier.basic, password);

        assertThat(postgres.queryValue("SELECT rolsuper OR rolcreatedb OR rolcreaterole OR rolreplication OR rolbypassrls"
                + " FROM pg_roles WHERE rolname = ?", names.role())).isEqualTo(false);
        try (Connection tenantSession = postgres.as(names.role(), password, "postgres")) {
            assertThat(sqlStateOf(tenantSession, "CREATE DATABASE " + names.database() + "_x")).isEqualTo("42501");
            assertThat(sqlStateOf(tenantSession, "CREATE ROLE " + names.role() + "_x")).isEqualTo("42501");
            assertThat(sqlStateOf(tenantSession, "CREATE TABLE public." + names.schema() + "_x (id int)")).isEqualTo("42501");
        }
    }

    @Test
    void tenantRoleCanCreateAndUseTablesInItsSchema() throws Exception {
        String tenant = postgres.newTenant("builder", Tier.basic);
        TenantDatabaseNames names = TenantDatabaseNames.of(tenant);
        String password = PostgresFixture.newPassword();
        provisioner.ensure(tenant, PostgresFixture.uidOf(tenant), Tier.basic, password);

        try (Connection tenantSession = postgres.as(names.role(), password, "postgres");
             Statement statement = tenantSession.createStatement()) {
            statement.execute("CREATE TABLE " + names.schema() + ".notes (body text)");
            statement.execute("INSERT INTO " + names.schema() + ".notes VALUES ('hello')");
            assertThat(queryValue(tenantSession, "SELECT body FROM " + names.schema() + ".notes")).isEqualTo("hello");
        }
    }

    @Test
    void rlsBaselineShowsEachTransactionOnlyTheRowsOfItsTenantId() throws Exception {
        String tenant = postgres.newTenant("rls", Tier.basic);
        TenantDatabaseNames names = TenantDatabaseNames.of(tenant);
        String password = PostgresFixture.newPassword();
        provisioner.ensure(tenant, PostgresFixture.uidOf(tenant), Tier.basic, password);
        String orders = names.schema() + ".orders";

        // the owner itself: FORCE ROW LEVEL SECURITY binds the role the application logs in as
        try (Connection app = postgres.as(names.role(), password, "postgres")) {
            try (Statement statement = app.createStatement()) {
                statement.execute("CREATE TABLE " + orders + " (id serial PRIMARY KEY,"
                        + " tenant_id text NOT NULL DEFAULT " + names.schema() + ".current_tenant_id(), item text)");
                statement.execute("SELECT " + names.schema() + ".enable_tenant_rls('" + orders + "')");
            }
            app.setAutoCommit(false);
            insertAs(app, "customer-a", orders, "apples");
            insertAs(app, "customer-a", orders, "apricots");
            insertAs(app, "customer-b", orders, "bananas");

            assertThat(itemsVisibleTo(app, "customer-a", orders)).containsExactlyInAnyOrder("apples", "apricots");
            assertThat(itemsVisibleTo(app, "customer-b", orders)).containsExactly("bananas");
            assertThat(itemsVisibleTo(app, null, orders)).isEmpty();

            setTenant(app, "customer-a");
            assertThat(sqlStateOf(app, "INSERT INTO " + orders + " (tenant_id, item) VALUES ('customer-b', 'smuggled')"))
                    .isEqualTo("42501");
            app.rollback();
        }
        assertThat(postgres.queryValue("SELECT relrowsecurity AND relforcerowsecurity FROM pg_class WHERE oid = ?::regclass", orders))
                .isEqualTo(true);
        assertThat(postgres.queryValue("SELECT count(*) FROM " + orders)).isEqualTo(3L);
    }

    @Test
    void rlsBaselineAcceptsUuidTenantIds() throws Exception {
        String tenant = postgres.newTenant("uuid", Tier.basic);
        TenantDatabaseNames names = TenantDatabaseNames.of(tenant);
        String password = PostgresFixture.newPassword();
        provisioner.ensure(tenant, PostgresFixture.uidOf(tenant), Tier.basic, password);
        String orders = names.schema() + ".orders";
        String a = "8f14e45f-ceea-4e6a-9d0b-6b3f1c6a0001";
        String b = "8f14e45f-ceea-4e6a-9d0b-6b3f1c6a0002";

        try (Connection app = postgres.as(names.role(), password, "postgres")) {
            try (Statement statement = app.createStatement()) {
                statement.execute("CREATE TABLE " + orders + " (tenant_id uuid NOT NULL, item text)");
                statement.execute("SELECT " + names.schema() + ".enable_tenant_rls('" + orders + "')");
            }
            app.setAutoCommit(false);
            setTenant(app, a);
            try (Statement statement = app.createStatement()) {
                statement.execute("INSERT INTO " + orders + " VALUES ('" + a + "', 'mine')");
            }
            app.commit();
            assertThat(itemsVisibleTo(app, a, orders)).containsExactly("mine");
            assertThat(itemsVisibleTo(app, b, orders)).isEmpty();
        }
    }

    @Test
    void enablingRlsOnATableWithoutTenantIdFailsWithAHint() throws Exception {
        String tenant = postgres.newTenant("notenantid", Tier.basic);
        TenantDatabaseNames names = TenantDatabaseNames.of(tenant);
        String password = PostgresFixture.newPassword();
        provisioner.ensure(tenant, PostgresFixture.uidOf(tenant), Tier.basic, password);

        try (Connection app = postgres.as(names.role(), password, "postgres");
             Statement statement = app.createStatement()) {
            statement.execute("CREATE TABLE " + names.schema() + ".lookup (code text)");
            assertThatThrownBy(() -> statement.execute("SELECT " + names.schema() + ".enable_tenant_rls('" + names.schema() + ".lookup')"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("has no tenant_id column");
        }
    }

    @Test
    void anotherTenantCannotReadTheSchema() throws Exception {
        String owner = postgres.newTenant("owner", Tier.basic);
        String intruder = postgres.newTenant("intruder", Tier.basic);
        String ownerPassword = PostgresFixture.newPassword();
        String intruderPassword = PostgresFixture.newPassword();
        TenantDatabaseNames ownerNames = TenantDatabaseNames.of(owner);
        provisioner.ensure(owner, PostgresFixture.uidOf(owner), Tier.basic, ownerPassword);
        provisioner.ensure(intruder, PostgresFixture.uidOf(intruder), Tier.basic, intruderPassword);
        try (Connection app = postgres.as(ownerNames.role(), ownerPassword, "postgres");
             Statement statement = app.createStatement()) {
            statement.execute("CREATE TABLE " + ownerNames.schema() + ".secrets (tenant_id text, value text)");
            statement.execute("INSERT INTO " + ownerNames.schema() + ".secrets VALUES ('x', 'crown jewels')");
        }

        assertThat(provisioner.canRead(intruder, intruderPassword, owner, Tier.basic)).isFalse();
        assertThat(provisioner.canRead(owner, ownerPassword, owner, Tier.basic)).isTrue();
        try (Connection intruderSession = postgres.as(TenantDatabaseNames.of(intruder).role(), intruderPassword, "postgres")) {
            assertThat(sqlStateOf(intruderSession, "SELECT * FROM " + ownerNames.schema() + ".secrets")).isEqualTo("42501");
        }
    }

    @Test
    void ensuringTwiceChangesNothing() throws Exception {
        String tenant = postgres.newTenant("twice", Tier.basic);
        TenantDatabaseNames names = TenantDatabaseNames.of(tenant);
        String password = PostgresFixture.newPassword();
        provisioner.ensure(tenant, PostgresFixture.uidOf(tenant), Tier.basic, password);
        List<Object> before = snapshot(names);

        ProvisionedDatabase again = provisioner.ensure(tenant, PostgresFixture.uidOf(tenant), Tier.basic, password);

        // same objects (same OIDs), and the verifier with its random salt was not re-sent
        assertThat(snapshot(names)).isEqualTo(before);
        assertThat(again.schema()).isEqualTo(names.schema());
    }

    @Test
    void ensureCompletesARoleLeftWithoutSchemaFromBeforeTheCatalogue() throws Exception {
        String tenant = postgres.newTenant("halfway", Tier.basic);
        TenantDatabaseNames names = TenantDatabaseNames.of(tenant);
        postgres.execute("CREATE ROLE " + names.role() + " NOLOGIN");

        provisioner.ensure(tenant, PostgresFixture.uidOf(tenant), Tier.basic, PostgresFixture.newPassword());

        assertThat(postgres.queryValue("SELECT rolcanlogin AND NOT rolcreatedb FROM pg_roles WHERE rolname = ?", names.role()))
                .isEqualTo(true);
        assertThat(postgres.queryValue("SELECT count(*) FROM pg_roles WHERE rolname = ?", names.role())).isEqualTo(1L);
        assertThat(postgres.queryValue("SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = ?", names.schema()))
                .isEqualTo(names.role());
        assertThat(postgres.queryValue("SELECT count(*) FROM pg_proc WHERE pronamespace = ?::regnamespace", names.schema()))
                .isEqualTo(2L);
    }

    @Test
    void ensureRefusesARoleOfTheTenantsNameWithPowersVeroForgeNeverGives() throws Exception {
        String tenant = postgres.newTenant("powerful", Tier.basic);
        TenantDatabaseNames names = TenantDatabaseNames.of(tenant);
        postgres.execute("CREATE ROLE " + names.role() + " NOLOGIN CREATEDB");
        postgres.cleanupSql("DROP ROLE IF EXISTS " + names.role());

        assertThatThrownBy(() -> provisioner.ensure(tenant, PostgresFixture.uidOf(tenant), Tier.basic, PostgresFixture.newPassword()))
                .isInstanceOf(NameConflictException.class).hasMessageContaining("role " + names.role());

        assertThat(postgres.queryValue("SELECT rolcreatedb AND NOT rolcanlogin FROM pg_roles WHERE rolname = ?", names.role())).isEqualTo(true);
        assertThat(postgres.queryValue("SELECT count(*) FROM pg_namespace WHERE nspname = ?", names.schema())).isEqualTo(0L);
        assertThat(provisioner.drop(tenant, PostgresFixture.uidOf(tenant), Tier.basic)).containsExactly("role " + names.role());
        assertThat(postgres.queryValue("SELECT rolcreatedb FROM pg_roles WHERE rolname = ?", names.role())).isEqualTo(true);
    }

    @Test
    void ensureCompletesASchemaOfTheTenantsRoleLeftWithoutItsBaseline() throws Exception {
        String tenant = postgres.newTenant("orphan", Tier.basic);
        TenantDatabaseNames names = TenantDatabaseNames.of(tenant);
        postgres.execute("CREATE ROLE " + names.role() + " NOLOGIN");
        postgres.execute("CREATE SCHEMA " + names.schema() + " AUTHORIZATION " + names.role());

        provisioner.ensure(tenant, PostgresFixture.uidOf(tenant), Tier.basic, PostgresFixture.newPassword());

        assertThat(postgres.queryValue("SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = ?", names.schema()))
                .isEqualTo(names.role());
        assertThat(postgres.queryValue("SELECT to_regprocedure(? || '.enable_tenant_rls(regclass)') IS NOT NULL", names.schema()))
                .isEqualTo(true);
    }

    @Test
    void ensureNeverTakesOverASchemaOfTheTenantsNameSomeoneElseOwns() throws Exception {
        String tenant = postgres.newTenant("squatted", Tier.basic);
        TenantDatabaseNames names = TenantDatabaseNames.of(tenant);
        postgres.execute("CREATE SCHEMA " + names.schema());
        postgres.cleanupSql("DROP SCHEMA IF EXISTS " + names.schema() + " CASCADE");

        assertThatThrownBy(() -> provisioner.ensure(tenant, PostgresFixture.uidOf(tenant), Tier.basic, PostgresFixture.newPassword()))
                .isInstanceOf(NameConflictException.class)
                .hasMessageContaining("schema " + names.schema()).hasMessageContaining("does not take it over");

        assertThat(postgres.queryValue("SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = ?", names.schema()))
                .isEqualTo("postgres");
        assertThat(postgres.queryValue("SELECT count(*) FROM pg_roles WHERE rolname = ?", names.role())).isEqualTo(0L);
    }

    @Test
    void changedPasswordIsAppliedToTheRole() throws Exception {
        String tenant = postgres.newTenant("rotate", Tier.basic);
        TenantDatabaseNames names = TenantDatabaseNames.of(tenant);
        String oldPassword = PostgresFixture.newPassword();
        String newPassword = PostgresFixture.newPassword();
        provisioner.ensure(tenant, PostgresFixture.uidOf(tenant), Tier.basic, oldPassword);

        provisioner.ensure(tenant, PostgresFixture.uidOf(tenant), Tier.basic, newPassword);

        String stored = (String) postgres.queryValue("SELECT rolpassword FROM pg_authid WHERE rolname = ?", names.role());
        assertThat(stored).startsWith("SCRAM-SHA-256$4096:");
        assertThat(ScramSha256Verifier.matches(stored, newPassword)).isTrue();
        assertThat(ScramSha256Verifier.matches(stored, oldPassword)).isFalse();
    }

    @Test
    void retainKeepsRowsButDisablesLoginAndEndsSessions() throws Exception {
        String tenant = postgres.newTenant("retained", Tier.basic);
        TenantDatabaseNames names = TenantDatabaseNames.of(tenant);
        String password = PostgresFixture.newPassword();
        provisioner.ensure(tenant, PostgresFixture.uidOf(tenant), Tier.basic, password);
        Connection openSession = postgres.as(names.role(), password, "postgres");
        try (openSession; Statement statement = openSession.createStatement()) {
            statement.execute("CREATE TABLE " + names.schema() + ".invoices (amount int)");
            statement.execute("INSERT INTO " + names.schema() + ".invoices VALUES (42)");

            provisioner.retain(tenant, Tier.basic);

            assertThat(sqlStateOf(openSession, "SELECT 1")).startsWith("57P01");
        }
        assertThat(postgres.queryValue("SELECT amount FROM " + names.schema() + ".invoices")).isEqualTo(42);
        assertThat(postgres.queryValue("SELECT rolcanlogin FROM pg_roles WHERE rolname = ?", names.role())).isEqualTo(false);
        assertThatThrownBy(() -> postgres.as(names.role(), password, "postgres"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("not permitted to log in");

        provisioner.retain(tenant, Tier.basic); // idempotent
        provisioner.ensure(tenant, PostgresFixture.uidOf(tenant), Tier.basic, password); // a re-created Tenant gets its data back
        try (Connection again = postgres.as(names.role(), password, "postgres")) {
            assertThat(queryValue(again, "SELECT amount FROM " + names.schema() + ".invoices")).isEqualTo(42);
        }
    }

    @Test
    void dropRemovesSchemaAndRoleEvenWithAnOpenTransaction() throws Exception {
        String tenant = postgres.newTenant("dropped", Tier.basic);
        TenantDatabaseNames names = TenantDatabaseNames.of(tenant);
        String password = PostgresFixture.newPassword();
        provisioner.ensure(tenant, PostgresFixture.uidOf(tenant), Tier.basic, password);
        try (Connection openSession = postgres.as(names.role(), password, "postgres");
             Statement statement = openSession.createStatement()) {
            statement.execute("CREATE TABLE " + names.schema() + ".busy (id int)");
            openSession.setAutoCommit(false);
            statement.execute("LOCK TABLE " + names.schema() + ".busy IN ACCESS EXCLUSIVE MODE");

            provisioner.drop(tenant, PostgresFixture.uidOf(tenant), Tier.basic);
        } catch (SQLException sessionEndedByDrop) {
            // closing the terminated session may fail; what matters is below
        }

        assertThat(postgres.queryValue("SELECT count(*) FROM pg_namespace WHERE nspname = ?", names.schema())).isEqualTo(0L);
        assertThat(postgres.queryValue("SELECT count(*) FROM pg_roles WHERE rolname = ?", names.role())).isEqualTo(0L);
        provisioner.drop(tenant, PostgresFixture.uidOf(tenant), Tier.basic);
        provisioner.retain(tenant, Tier.basic);
    }

    private List<Object> snapshot(TenantDatabaseNames names) throws SQLException {
        return List.of(
                postgres.queryValue("SELECT oid FROM pg_roles WHERE rolname = ?", names.role()),
                postgres.queryValue("SELECT rolpassword FROM pg_authid WHERE rolname = ?", names.role()),
                postgres.queryValue("SELECT oid FROM pg_namespace WHERE nspname = ?", names.schema()),
                postgres.queryValue("SELECT string_agg(oid::text, ',' ORDER BY oid) FROM pg_proc WHERE pronamespace = ?::regnamespace", names.schema()),
                postgres.queryValue("SELECT count(*) FROM pg_roles WHERE rolname LIKE ?", names.schema() + "%"));
    }

    private static void setTenant(Connection app, String tenantId) throws SQLException {
        queryValue(app, "SELECT set_config('" + RlsBaseline.TENANT_SETTING + "', ?, true)", tenantId);
    }

    private static void insertAs(Connection app, String tenantId, String table, String item) throws SQLException {
        setTenant(app, tenantId);
        try (var insert = app.prepareStatement("INSERT INTO " + table + " (item) VALUES (?)")) {
            insert.setString(1, item);
            insert.executeUpdate();
        }
        app.commit();
    }

    private static List<String> itemsVisibleTo(Connection app, String tenantId, String table) throws SQLException {
        if (tenantId != null) {
            setTenant(app, tenantId);
        }
        List<String> items = new java.util.ArrayList<>();
        try (Statement statement = app.createStatement();
             var rows = statement.executeQuery("SELECT item FROM " + table)) {
            while (rows.next()) {
                items.add(rows.getString(1));
            }
        }
        app.commit();
        return items;
    }

    /** The SQLState a statement fails with, or null when it succeeds. */
    static String sqlStateOf(Connection connection, String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
            return null;
        } catch (SQLException e) {
            return e.getSQLState();
        }
    }
}
