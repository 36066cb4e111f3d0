package io.veroforge.operator.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.veroforge.api.v1alpha1.Tier;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProvisioningFailuresTest {

    private static final String ADMIN_PASSWORD = "admin-pw-that-must-not-leak";
    /** Nothing listens on port 1: any attempt to run SQL fails with "unavailable", not with a validation error. */
    private static final SharedPostgres UNREACHABLE =
            new SharedPostgres("jdbc:postgresql://127.0.0.1:1/postgres", "postgres", ADMIN_PASSWORD, "db", 5432);

    private final PostgresFixture postgres = new PostgresFixture();

    @AfterEach
    void cleanUp() {
        postgres.close();
    }

    @Test
    void unreachableServerIsReportedAsUnavailableWithinSeconds() {
        TenantDatabaseProvisioner provisioner = new TenantDatabaseProvisioner(UNREACHABLE);
        String password = PostgresFixture.newPassword();
        Instant start = Instant.now();

        Throwable failure = catchThrowable(() -> provisioner.ensure("acme", PostgresFixture.uidOf("acme"), Tier.basic, password));

        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
        assertThat(failure).isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("Provisioning schema tenant_acme for tenant acme")
                .hasMessageContaining("database unavailable");
        assertThat(fullText(failure)).doesNotContain(password).doesNotContain(ADMIN_PASSWORD);
        assertThat(catchThrowable(() -> provisioner.drop("acme", PostgresFixture.uidOf("acme"), Tier.pro))).isInstanceOf(DatabaseUnavailableException.class);
        assertThat(catchThrowable(() -> provisioner.retain("acme", Tier.basic))).isInstanceOf(DatabaseUnavailableException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"x\"; DROP ROLE postgres; --", "a'; SELECT pg_sleep(10); --", "Robert'); DROP TABLE students;--",
            "acme\0", "ac$$me", "tenant_acme"})
    void namesWithSqlMetacharactersAreRejectedBeforeAnySqlRuns(String name) {
        TenantDatabaseProvisioner provisioner = new TenantDatabaseProvisioner(UNREACHABLE);

        for (Tier tier : new Tier[] {Tier.basic, Tier.pro}) {
            assertThatThrownBy(() -> provisioner.ensure(name, PostgresFixture.uidOf(name), tier, "pw")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("metadata.name");
            assertThatThrownBy(() -> provisioner.retain(name, tier)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> provisioner.drop(name, PostgresFixture.uidOf(name), tier)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> provisioner.canRead("acme", "pw", name, tier)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> provisioner.canRead(name, "pw", "acme", tier)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void enterpriseTierIsNotProvisionedOnTheSharedServer() {
        TenantDatabaseProvisioner provisioner = new TenantDatabaseProvisioner(UNREACHABLE);

        assertThatThrownBy(() -> provisioner.ensure("acme", PostgresFixture.uidOf("acme"), Tier.enterprise, "pw"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CloudNativePG");
        assertThatThrownBy(() -> provisioner.drop("acme", PostgresFixture.uidOf("acme"), Tier.enterprise)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptyPasswordIsRejectedBeforeAnySqlRuns() {
        TenantDatabaseProvisioner provisioner = new TenantDatabaseProvisioner(UNREACHABLE);

        assertThatThrownBy(() -> provisioner.ensure("acme", PostgresFixture.uidOf("acme"), Tier.basic, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> provisioner.ensure("acme", PostgresFixture.uidOf("acme"), Tier.basic, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void failedProvisioningNamesTheStepButNeverThePasswordOrItsVerifier() throws Exception {
        // an admin without CREATEROLE: the batch carrying the password verifier fails on the server
        String weakAdmin = "dbt_weak_admin_" + Long.toHexString(System.nanoTime());
        postgres.execute("CREATE ROLE " + weakAdmin + " LOGIN");
        postgres.cleanupSql("DROP ROLE IF EXISTS " + weakAdmin);
        TenantDatabaseProvisioner provisioner = new TenantDatabaseProvisioner(
                new SharedPostgres(PostgresFixture.URL, weakAdmin, null, "db", 5432));
        String tenant = postgres.newTenant("weak", Tier.basic);
        String password = PostgresFixture.newPassword();

        Throwable failure = catchThrowable(() -> provisioner.ensure(tenant, PostgresFixture.uidOf(tenant), Tier.basic, password));

        assertThat(failure).isInstanceOf(DatabaseProvisioningException.class)
                .hasMessageContaining("Provisioning schema " + TenantDatabaseNames.of(tenant).schema())
                .hasMessageContaining("permission denied")
                .hasMessageContaining("42501");
        assertThat(fullText(failure)).doesNotContain(password).doesNotContain("SCRAM-SHA-256$");
    }

    @Test
    void isolationCheckAgainstAMissingSchemaProvesNothingAndSaysSo() {
        String reader = postgres.newTenant("reader", Tier.basic);
        String password = PostgresFixture.newPassword();
        postgres.provisioner.ensure(reader, PostgresFixture.uidOf(reader), Tier.basic, password);

        assertThatThrownBy(() -> postgres.provisioner.canRead(reader, password, "dbt-never-created", Tier.basic))
                .isInstanceOf(DatabaseProvisioningException.class)
                .hasMessageContaining("tenant_dbt_never_created does not exist")
                .hasMessageNotContaining(password);
    }

    /** Message, causes and stack trace: everything a log line of this exception could show. */
    private static String fullText(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
