package io.veroforge.operator.tenant;

import static io.veroforge.operator.tenant.TenantFixtures.tenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.veroforge.api.v1alpha1.Tenant;
import io.veroforge.api.v1alpha1.Tier;
import io.veroforge.operator.db.TenantDatabaseNames;
import io.veroforge.operator.testing.CloudNativePgDiscovery;
import io.veroforge.operator.testing.TestPostgres;

/**
 * The CRD makes spec.tier immutable; the mock API (like an older CRD) does not, so the operator
 * refuses the change itself: moving data between tiers is a migration it does not do.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true, setup = CloudNativePgDiscovery.class)
@QuarkusTestResource(TestPostgres.class)
class TenantTierChangeTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    KubernetesClient client;

    @Test
    void changingTheTierIsRefusedAndNothingIsProvisionedOrRepointed() throws Exception {
        String name = TestPostgres.tenantName("retier");
        client.resource(tenant(name, Tier.basic)).create();
        await().atMost(WAIT).until(() -> ready(name).map(c -> "True".equals(c.getStatus())).orElse(false));

        client.resources(Tenant.class).withName(name).edit(t -> {
            t.getSpec().setTier(Tier.pro);
            return t;
        });
        await().atMost(WAIT).until(() -> ready(name).map(c -> "InvalidSpec".equals(c.getReason())).orElse(false));

        Tenant refused = client.resources(Tenant.class).withName(name).get();
        assertThat(ready(name).orElseThrow().getMessage()).contains("spec.tier").contains("basic").contains("immutable");
        assertThat(refused.getStatus().getDatabase().getKind()).as("status still says where the data is").isEqualTo("Schema");
        try (Connection c = TestPostgres.connectAsAdmin(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_database WHERE datname = '"
                        + TenantDatabaseNames.of(name).database() + "'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("no dedicated database for a refused tier change").isZero();
        }

        client.resources(Tenant.class).withName(name).edit(t -> {
            t.getSpec().setTier(Tier.basic);
            return t;
        });
        await().atMost(WAIT).until(() -> ready(name).map(c -> "True".equals(c.getStatus())).orElse(false));
    }

    private java.util.Optional<Condition> ready(String name) {
        Tenant t = client.resources(Tenant.class).withName(name).get();
        return t == null || t.getStatus() == null ? java.util.Optional.empty() : t.getStatus().condition("Ready");
    }
}
