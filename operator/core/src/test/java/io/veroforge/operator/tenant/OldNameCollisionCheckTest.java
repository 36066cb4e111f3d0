package io.veroforge.operator.tenant;

import static io.veroforge.operator.tenant.TenantFixtures.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.veroforge.api.v1alpha1.AppSpec;
import io.veroforge.api.v1alpha1.Tenant;
import io.veroforge.api.v1alpha1.Tier;
import io.veroforge.operator.db.SharedPostgres;
import io.veroforge.operator.db.TenantDatabaseNames;
import io.veroforge.operator.db.TenantDatabaseProvisioner;

/**
 * The start-up check against the CRUD mock API server and the real PostgreSQL: an existing
 * installation where Tenant {@code <x>-studio} and app {@code studio} of Tenant {@code <x>} had
 * one schema name is reported on both Tenants, and no longer once the schema is renamed.
 */
@EnableKubernetesMockClient(crud = true)
class OldNameCollisionCheckTest {
    static KubernetesClient client;
    private static final String URL = System.getProperty("vf.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/postgres");

    private final String acme = "onc" + HexFormat.of().formatHex(new byte[] {(byte) ThreadLocalRandom.current().nextInt(),
            (byte) ThreadLocalRandom.current().nextInt(), (byte) ThreadLocalRandom.current().nextInt()});
    private final String shared = TenantDatabaseNames.of(acme + "-studio").schema();

    @AfterEach
    void dropSchemas() throws SQLException {
        sql("DROP SCHEMA IF EXISTS " + shared + " CASCADE; DROP SCHEMA IF EXISTS " + shared + "_renamed CASCADE");
    }

    @Test
    void reportsASchemaBothATenantAndAnotherTenantsAppClaimOnBothUntilItIsRenamed() throws SQLException {
        Tenant owner = client.resource(tenant(acme, Tier.basic)).create();
        Tenant rival = client.resource(tenant(acme + "-studio", Tier.basic)).create();
        Tenant bystander = client.resource(tenant(acme + "-other", Tier.basic)).create();
        client.resource(appSpec(owner.namespaceName(), "studio")).create();
        sql("CREATE SCHEMA " + shared); // the old operator's app schema of studio, or the rival's schema: it cannot tell
        OldNameCollisionCheck check = new OldNameCollisionCheck(new TenantDatabaseProvisioner(
                new SharedPostgres(URL, "postgres", null, "127.0.0.1", 5432)));

        assertThat(check.conflictOf(owner, client)).hasValueSatisfying(m -> assertThat(m)
                .contains("schema " + shared).contains("Tenant " + acme + "-studio").contains("app studio of Tenant " + acme));
        assertThat(check.conflictOf(rival, client)).isPresent();
        assertThat(check.conflictOf(bystander, client)).isEmpty();

        sql("ALTER SCHEMA " + shared + " RENAME TO " + shared + "_renamed");

        assertThat(check.conflictOf(owner, client)).isEmpty();
        assertThat(check.conflictOf(rival, client)).isEmpty();
    }

    private static AppSpec appSpec(String namespace, String name) {
        AppSpec app = new AppSpec();
        app.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
        return app;
    }

    private static void sql(String statements) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        try (Connection admin = new org.postgresql.Driver().connect(URL, properties); Statement statement = admin.createStatement()) {
            statement.execute(statements);
        }
    }
}
