package io.veroforge.operator.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.veroforge.api.v1alpha1.Tenant;
import io.veroforge.api.v1alpha1.TenantOwner;
import io.veroforge.api.v1alpha1.TenantSpec;
import io.veroforge.api.v1alpha1.Tier;
import io.veroforge.operator.reliability.DeployedOperator;
import io.veroforge.localapi.StandaloneLocalApi;

/**
 * The deployed operator (operator/core's quarkus-app, not the run command) against a standalone
 * local API: it is killed with SIGKILL mid-life and started again, and the API keeps every
 * object, so the restarted operator carries on where the first stopped. This is what the kill
 * tests of the reliability work stand on.
 */
class OperatorRestartAgainstStandaloneApiTest {
    private static final String PREFIX = "rst" + ProcessHandle.current().pid();
    private static final String DATABASE = "vf_restart_" + ProcessHandle.current().pid();
    private static final Duration READY = Duration.ofSeconds(90);

    @TempDir
    static Path dir;

    static StandaloneLocalApi api;
    static KubernetesClient client;

    @BeforeAll
    static void startTheApiAndADatabase() throws SQLException {
        api = StandaloneLocalApi.start(0, dir.resolve("kubeconfig"));
        client = new io.fabric8.kubernetes.client.KubernetesClientBuilder()
                .withConfig(new io.fabric8.kubernetes.client.ConfigBuilder().withMasterUrl(api.url()).build()).build();
        admin("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)", "CREATE DATABASE " + DATABASE);
    }

    @AfterAll
    static void dropEverything() throws SQLException {
        client.close();
        api.close();
        admin("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        List<String> roles = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT rolname FROM pg_roles WHERE rolname LIKE 'tenant\\_" + PREFIX + "%'")) {
            while (rs.next()) {
                roles.add("DROP ROLE IF EXISTS \"" + rs.getString(1) + "\"");
            }
        }
        admin(roles.toArray(String[]::new));
    }

    @Test
    void aKilledOperatorIsRestartedAndCarriesOnWithWhatTheApiKept() throws Exception {
        DeployedOperator first = startOperator("first");
        create(PREFIX + "-a");
        awaitReady(PREFIX + "-a");
        String firstUid = client.resources(Tenant.class).withName(PREFIX + "-a").get().getMetadata().getUid();

        create(PREFIX + "-b"); // in flight when the operator dies
        assertThat(first.kill()).as("SIGKILL: no shutdown hook, no clean close").isEqualTo(137);

        try (DeployedOperator second = startOperator("second")) {
            awaitReady(PREFIX + "-b");
            create(PREFIX + "-c");
            awaitReady(PREFIX + "-c");
            Tenant a = client.resources(Tenant.class).withName(PREFIX + "-a").get();
            assertThat(a.getMetadata().getUid()).as("the API kept the object across the restart").isEqualTo(firstUid);
            assertThat(a.getStatus().isTrue("Ready")).isTrue();
            assertThat(client.namespaces().list().getItems()).extracting(n -> n.getMetadata().getName())
                    .filteredOn(n -> n.startsWith("tenant-" + PREFIX)).hasSize(3);
            assertThat(schemas()).as("one schema per tenant, none lost and none twice").hasSize(3);
        }
    }

    private DeployedOperator startOperator(String name) throws Exception {
        return DeployedOperator.start("restart-" + name, api.url(), DATABASE, dir.resolve("git"), Map.of());
    }

    private void create(String name) {
        Tenant tenant = new Tenant();
        tenant.setMetadata(new ObjectMetaBuilder().withName(name).build());
        TenantSpec spec = new TenantSpec();
        spec.setTier(Tier.basic);
        spec.getOwners().add(new TenantOwner(TenantOwner.OwnerKind.User, "owner@" + name + ".example", null));
        tenant.setSpec(spec);
        client.resource(tenant).create();
    }

    private void awaitReady(String name) {
        await().atMost(READY).pollInterval(Duration.ofMillis(200)).until(() -> {
            Tenant t = client.resources(Tenant.class).withName(name).get();
            return t != null && t.getStatus() != null && t.getStatus().isTrue("Ready");
        });
    }

    private static List<String> schemas() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + DATABASE, "postgres", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'tenant\\_" + PREFIX + "%'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static void admin(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

}
