package io.veroforge.operator.db;

import static io.veroforge.operator.db.SchemaProvisioningTest.sqlStateOf;
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

/** Pro tier against the suite's real PostgreSQL: a dedicated database per tenant on the shared server. */
class DedicatedDatabaseProvisioningTest {

    private final PostgresFixture postgres = new PostgresFixture();
    private final TenantDatabaseProvisioner provisioner = postgres.provisioner;

    @AfterEach
    void dropTenants() {
        postgres.close();
    }

    @Test
    void ensureCreatesADatabaseOwnedByTheTenantAndClosedToEveryoneElse() throws Exception {
        String tenant = postgres.newTenant("pro", Tier.pro);
        TenantDatabaseNames names = TenantDatabaseNames.of(tenant);

        ProvisionedDatabase database = provisioner.ensure(tenant, PostgresFixture.uidOf(tenant), Tier.pro, PostgresFixture.newPassword());

        assertThat(database).isEqualTo(new ProvisionedDatabase(PostgresFixture.APP_HOST, PostgresFixture.APP_PORT,
                names.database(), names.schema(), names.role()));
        assertThat(postgres.queryValue("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = ?", names.database()))
                .isEqualTo(names.role());
        assertThat(postgres.queryValue("SELECT has_database_privilege('public', ?, 'CONNECT')", names.database())).isEqualTo(false);
        try (Connection admin = postgres.adminTo(names.database())) {
            assertThat(queryValue(admin, "SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = ?", names.schema()))
                    .isEqualTo(names.role());
            assertThat(queryValue(admin, "SELECT count(*) FROM pg_proc WHERE pronamespace = ?::regnamespace", names.schema()))
                    .isEqualTo(2L);
        }
    }

    @Test
    void otherTenantsCannotConnectToTheDatabase() throws Exception {
        String owner = postgres.newTenant("vault", Tier.pro);
        String intruder = postgres.newTenant("intruder", Tier.basic);
        String ownerPassword = PostgresFixture.newPassword();
        String intruderPassword = PostgresFixture.newPassword();
        provisioner.ensure(owner, PostgresFixture.uidOf(owner), Tier.pro, ownerPassword);
        provisioner.ensure(intruder, PostgresFixture.uidOf(intruder), Tier.basic, intruderPassword);
        TenantDatabaseNames ownerNames = TenantDatabaseNames.of(owner);

        assertThat(provisioner.canRead(intruder, intruderPassword, owner, Tier.pro)).isFalse();
        assertThat(provisioner.canRead(owner, ownerPassword, owner, Tier.pro)).isTrue();
        assertThatThrownBy(() -> postgres.as(TenantDatabaseNames.of(intruder).role(), intruderPassword, ownerNames.database()))
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
    }

    @Test
    void rlsBaselineWorksInTheDedicatedDatabase() throws Exception {
        String tenant = postgres.newTenant("prorls", Tier.pro);
        TenantDatabaseNames names = TenantDatabaseNames.of(tenant);
        String password = PostgresFixture.newPassword();
        provisioner.ensure(tenant, PostgresFixture.uidOf(tenant), Tier.pro, password);
        String orders = names.schema() + ".orders";

        try (Connection app = postgres.as(names.role(), password, names.database());
             Statement statement = app.createStatement()) {
            statement.execute("CREATE TABLE " + orders + " (tenant_id text NOT NULL DEFAULT "
                    + names.schema() + ".current_tenant_id(), item text)");
            statement.execute("SELECT " + names.schema() + ".enable_tenant_rls('" + orders + "')");
            app.setAutoCommit(false);
            statement.execute("SET LOCAL veroforge.tenant_id = 'north'");
            statement.execute("INSERT INTO " + orders + " (item) VALUES ('sled')");
            app.commit();
            statement.execute("SET LOCAL veroforge.tenant_id = 'south'");
            assertThat(queryValue(app, "SELECT count(*) FROM " + orders)).isEqualTo(0L);
            app.commit();
            statement.execute("SET LOCAL veroforge.tenant_id = 'north'");
            assertThat(queryValue(app, "SELECT item FROM " + orders)).isEqualTo("sled");
            app.commit();
        }
    }

    @Test
    void aDatabaseOfTheTenantsNameSomeoneElseOwnsIsNeitherTakenOverNorDropped() throws Exception {
        String tenant = postgres.newTenant("squatted", Tier.pro);
        TenantDatabaseNames names = TenantDatabaseNames.of(tenant);
        postgres.execute("CREATE DATABASE " + names.database());
        postgres.cleanupSql("DROP DATABASE IF EXISTS " + names.database() + " WITH (FORCE)");

        assertThatThrownBy(() -> provisioner.ensure(tenant, PostgresFixture.uidOf(tenant), Tier.pro, PostgresFixture.newPassword()))
                .isInstanceOf(NameConflictException.class).hasMessageContaining("database " + names.database());
        provisioner.drop(tenant, PostgresFixture.uidOf(tenant), Tier.pro);

        assertThat(postgres.queryValue("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = ?", names.database()))
                .isEqualTo("postgres");
        assertThat(postgres.queryValue("SELECT count(*) FROM pg_roles WHERE rolname = ?", names.role())).isEqualTo(0L);
    }

    @Test
    void ensureRepairsADatabaseLeftOpenByACrash() throws Exception {
        String tenant = postgres.newTenant("crashed", Tier.pro);
        TenantDatabaseNames names = TenantDatabaseNames.of(tenant);
        // what a crash between CREATE DATABASE and the rest could leave behind (before the catalogue), and worse
        postgres.execute("CREATE ROLE " + names.role());
        postgres.execute("CREATE DATABASE " + names.database() + " OWNER " + names.role());

        provisioner.ensure(tenant, PostgresFixture.uidOf(tenant), Tier.pro, PostgresFixture.newPassword());

        assertThat(postgres.queryValue("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = ?", names.database()))
                .isEqualTo(names.role());
        assertThat(postgres.queryValue("SELECT has_database_privilege('public', ?, 'CONNECT')", names.database())).isEqualTo(false);
        assertThat(postgres.queryValue("SELECT rolcanlogin FROM pg_roles WHERE rolname = ?", names.role())).isEqualTo(true);
        try (Connection admin = postgres.adminTo(names.database())) {
            assertThat(queryValue(admin, "SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = ?", names.schema()))
                    .isEqualTo(names.role());
        }
    }

    @Test
    void ensuringTwiceChangesNothing() throws Exception {
        String tenant = postgres.newTenant("protwice", Tier.pro);
        TenantDatabaseNames names = TenantDatabaseNames.of(tenant);
        String password = PostgresFixture.newPassword();
        provisioner.ensure(tenant, PostgresFixture.uidOf(tenant), Tier.pro, password);
        List<Object> before = snapshot(names);

        provisioner.ensure(tenant, PostgresFixture.uidOf(tenant), Tier.pro, password);

        assertThat(snapshot(names)).isEqualTo(before);
    }

    @Test
    void retainKeepsTheDatabaseButDisablesLogin() throws Exception {
        String tenant = postgres.newTenant("proretain", Tier.pro);
        TenantDatabaseNames names = TenantDatabaseNames.of(tenant);
        String password = PostgresFixture.newPassword();
        provisioner.ensure(tenant, PostgresFixture.uidOf(tenant), Tier.pro, password);
        try (Connection app = postgres.as(names.role(), password, names.database());
             Statement statement = app.createStatement()) {
            statement.execute("CREATE TABLE " + names.schema() + ".ledger (entry text)");
            statement.execute("INSERT INTO " + names.schema() + ".ledger VALUES ('kept')");

            provisioner.retain(tenant, Tier.pro);

            assertThat(sqlStateOf(app, "SELECT 1")).isEqualTo("57P01");
        }

        assertThatThrownBy(() -> postgres.as(names.role(), password, names.database()))
                .hasMessageContaining("not permitted to log in");
        try (Connection admin = postgres.adminTo(names.database())) {
            assertThat(queryValue(admin, "SELECT entry FROM " + names.schema() + ".ledger")).isEqualTo("kept");
        }
    }

    @Test
    void dropRemovesTheDatabaseEvenWhileTheTenantIsConnected() throws Exception {
        String tenant = postgres.newTenant("prodrop", Tier.pro);
        TenantDatabaseNames names = TenantDatabaseNames.of(tenant);
        String password = PostgresFixture.newPassword();
        provisioner.ensure(tenant, PostgresFixture.uidOf(tenant), Tier.pro, password);

        try (Connection app = postgres.as(names.role(), password, names.database())) {
            provisioner.drop(tenant, PostgresFixture.uidOf(tenant), Tier.pro);
        } catch (SQLException sessionEndedByDrop) {
            // closing the terminated session may fail; what matters is below
        }

        assertThat(postgres.queryValue("SELECT count(*) FROM pg_database WHERE datname = ?", names.database())).isEqualTo(0L);
        assertThat(postgres.queryValue("SELECT count(*) FROM pg_roles WHERE rolname = ?", names.role())).isEqualTo(0L);
        provisioner.drop(tenant, PostgresFixture.uidOf(tenant), Tier.pro);
    }

    private List<Object> snapshot(TenantDatabaseNames names) throws SQLException {
        try (Connection admin = postgres.adminTo(names.database())) {
            return List.of(
                    postgres.queryValue("SELECT oid FROM pg_database WHERE datname = ?", names.database()),
                    postgres.queryValue("SELECT datacl::text FROM pg_database WHERE datname = ?", names.database()),
                    postgres.queryValue("SELECT rolpassword FROM pg_authid WHERE rolname = ?", names.role()),
                    queryValue(admin, "SELECT oid FROM pg_namespace WHERE nspname = ?", names.schema()),
                    queryValue(admin, "SELECT string_agg(oid::text, ',' ORDER BY oid) FROM pg_proc WHERE pronamespace = ?::regnamespace",
                            names.schema()));
        }
    }
}
