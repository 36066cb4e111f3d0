package io.veroforge.operator.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.veroforge.api.v1alpha1.Tier;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the suite's shared server cannot show, proven on a PostgreSQL of our own (embedded,
 * version 14): passwords really work (the shared server trusts every local TCP login, this one
 * demands SCRAM-SHA-256 from everyone but the admin), and the pre-15 default that lets everyone
 * create objects in the {@code public} schema is closed.
 */
class OwnServerTest {

    private static EmbeddedPostgres scramServer;
    private static PostgresFixture onScramServer;

    @BeforeAll
    static void startServerThatChecksPasswords(@org.junit.jupiter.api.io.TempDir Path directory) throws IOException {
        Path hba = directory.resolve("pg_hba.conf");
        Files.writeString(hba, String.join("\n",
                "local all all trust",
                "host all postgres 127.0.0.1/32 trust",
                "host all postgres ::1/128 trust",
                "host all all 127.0.0.1/32 scram-sha-256",
                "host all all ::1/128 scram-sha-256", ""));
        scramServer = EmbeddedPostgres.builder()
                .setServerConfig("hba_file", hba.toString())
                .setServerConfig("password_encryption", "scram-sha-256")
                .start();
        onScramServer = new PostgresFixture("jdbc:postgresql://127.0.0.1:" + scramServer.getPort() + "/postgres");
    }

    @AfterAll
    static void stopServer() throws IOException {
        try {
            if (onScramServer != null) {
                onScramServer.close();
            }
        } finally {
            if (scramServer != null) {
                scramServer.close();
            }
        }
    }

    @Test
    void tenantLogsInWithItsPasswordAndWithNoOther() throws Exception {
        String tenant = onScramServer.newTenant("login", Tier.basic);
        String password = PostgresFixture.newPassword();
        TenantDatabaseNames names = TenantDatabaseNames.of(tenant);

        onScramServer.provisioner.ensure(tenant, PostgresFixture.uidOf(tenant), Tier.basic, password);

        try (Connection app = login(names.role(), password)) {
            assertThat(PostgresFixture.queryValue(app, "SELECT current_user")).isEqualTo(names.role());
        }
        assertThatThrownBy(() -> login(names.role(), password + "x"))
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28P01"));
    }

    @Test
    void changedPasswordReplacesTheOldOne() throws Exception {
        String tenant = onScramServer.newTenant("rotate", Tier.basic);
        String oldPassword = PostgresFixture.newPassword();
        String newPassword = PostgresFixture.newPassword();
        TenantDatabaseNames names = TenantDatabaseNames.of(tenant);
        onScramServer.provisioner.ensure(tenant, PostgresFixture.uidOf(tenant), Tier.basic, oldPassword);

        onScramServer.provisioner.ensure(tenant, PostgresFixture.uidOf(tenant), Tier.basic, newPassword);

        login(names.role(), newPassword).close();
        assertThatThrownBy(() -> login(names.role(), oldPassword)).isInstanceOf(SQLException.class);
    }

    @Test
    void proTenantLogsInToItsOwnDatabaseWithItsPassword() throws Exception {
        String tenant = onScramServer.newTenant("prologin", Tier.pro);
        String password = PostgresFixture.newPassword();

        ProvisionedDatabase database = onScramServer.provisioner.ensure(tenant, PostgresFixture.uidOf(tenant), Tier.pro, password);

        Properties credentials = new Properties();
        credentials.setProperty("user", database.role());
        credentials.setProperty("password", password);
        try (Connection app = DriverManager.getConnection(onScramServer.server.jdbcUrlFor(database.database()), credentials)) {
            assertThat(PostgresFixture.queryValue(app, "SELECT current_database()")).isEqualTo(database.database());
        }
    }

    @Test
    void isolationCheckLogsInWithTheReadersPassword() {
        String reader = onScramServer.newTenant("reader", Tier.basic);
        String target = onScramServer.newTenant("target", Tier.basic);
        String readerPassword = PostgresFixture.newPassword();
        onScramServer.provisioner.ensure(reader, PostgresFixture.uidOf(reader), Tier.basic, readerPassword);
        onScramServer.provisioner.ensure(target, PostgresFixture.uidOf(target), Tier.basic, PostgresFixture.newPassword());

        assertThat(onScramServer.provisioner.canRead(reader, readerPassword, target, Tier.basic)).isFalse();
        assertThatThrownBy(() -> onScramServer.provisioner.canRead(reader, "wrong-password", target, Tier.basic))
                .isInstanceOf(DatabaseProvisioningException.class)
                .hasMessageContaining("28P01")
                .hasMessageNotContaining("wrong-password");
    }

    /**
     * The verifier computed on our side must be the one PostgreSQL computes from the cleartext
     * (including SASLprep normalisation of non-ASCII passwords), or such passwords would not log in
     * from clients such as libpq or node-postgres.
     */
    @ParameterizedTest
    @ValueSource(strings = {"plain-ascii-Password1", "quote'and\"backslash\\", "Ünïcødé-пароль-密码", "ligature-\uFB01-and\u00A0nbsp"})
    void verifierMatchesWhatPostgresComputesFromTheCleartext(String password) throws Exception {
        String role = "dbt_verifier_" + Long.toHexString(System.nanoTime());
        try (Connection admin = onScramServer.admin()) {
            try (var create = admin.prepareStatement("SELECT format('CREATE ROLE %I PASSWORD %L', ?, ?)")) {
                create.setString(1, role);
                create.setString(2, password);
                try (var sql = create.executeQuery()) {
                    sql.next();
                    admin.createStatement().execute(sql.getString(1));
                }
            }
            try {
                String computedByPostgres = (String) PostgresFixture.queryValue(admin,
                        "SELECT rolpassword FROM pg_authid WHERE rolname = ?", role);

                assertThat(ScramSha256Verifier.matches(computedByPostgres, password)).isTrue();
                assertThat(ScramSha256Verifier.matches(computedByPostgres, password + " ")).isFalse();
            } finally {
                admin.createStatement().execute("DROP ROLE " + SqlIdentifier.quote(role));
            }
        }
    }

    @Test
    void tenantCannotCreateObjectsInThePublicSchemaOnServersOlderThan15() throws Exception {
        String tenant = onScramServer.newTenant("public", Tier.basic);
        String password = PostgresFixture.newPassword();
        TenantDatabaseNames names = TenantDatabaseNames.of(tenant);
        try (Connection admin = onScramServer.admin()) {
            assertThat(PostgresFixture.queryValue(admin, "SELECT current_setting('server_version_num')::int < 150000")).isEqualTo(true);
        }

        onScramServer.provisioner.ensure(tenant, PostgresFixture.uidOf(tenant), Tier.basic, password);

        try (Connection app = login(names.role(), password)) {
            assertThat(SchemaProvisioningTest.sqlStateOf(app, "CREATE TABLE public.squatter (id int)")).isEqualTo("42501");
        }
    }

    private static Connection login(String role, String password) throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", role);
        credentials.setProperty("password", password);
        return DriverManager.getConnection(onScramServer.jdbcUrl, credentials);
    }
}
