package io.veroforge.operator.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.veroforge.api.v1alpha1.Tenant;
import io.veroforge.localapi.StandaloneLocalApi;
import io.veroforge.operator.reliability.DeployedOperator;
import io.veroforge.operator.reliability.ScratchDatabase;
import io.veroforge.operator.reliability.TenantCensus;

/**
 * The deployed operator (operator/core's quarkus-app, not the run command) against a standalone
 * local API: it is killed with SIGKILL mid-life and started again, and the API keeps every
 * object, so the restarted operator carries on where the first stopped. This is what the kill
 * tests of the reliability work stand on.
 */
class OperatorRestartAgainstStandaloneApiTest {
    private static final String PREFIX = "rst" + ProcessHandle.current().pid();
    private static final Duration READY = Duration.ofSeconds(90);

    @TempDir
    static Path dir;

    static StandaloneLocalApi api;
    static KubernetesClient client;
    static ScratchDatabase db;

    @BeforeAll
    static void startTheApiAndADatabase() throws Exception {
        api = StandaloneLocalApi.start(0, dir.resolve("kubeconfig"));
        client = new KubernetesClientBuilder().withConfig(new ConfigBuilder().withMasterUrl(api.url()).build()).build();
        db = ScratchDatabase.create("vf_restart_" + ProcessHandle.current().pid(), PREFIX);
    }

    @AfterAll
    static void dropEverything() throws Exception {
        client.close();
        api.close();
        db.close();
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
            assertThat(db.tenantSchemas()).as("one schema per tenant, none lost and none twice").hasSize(3);
        }
    }

    private DeployedOperator startOperator(String name) throws Exception {
        return DeployedOperator.start("restart-" + name, api.url(), db.name(), dir.resolve("git"), Map.of());
    }

    private void create(String name) {
        client.resource(TenantCensus.basicTenant(name)).create();
    }

    private void awaitReady(String name) {
        await().atMost(READY).pollInterval(Duration.ofMillis(200)).until(() -> {
            Tenant t = client.resources(Tenant.class).withName(name).get();
            return t != null && t.getStatus() != null && t.getStatus().isTrue("Ready");
        });
    }
}
