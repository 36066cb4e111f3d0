package io.veroforge.operator.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
import io.veroforge.localapi.LocalCheckout;
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
        Process first = startOperator("first");
        create(PREFIX + "-a");
        awaitReady(PREFIX + "-a");
        String firstUid = client.resources(Tenant.class).withName(PREFIX + "-a").get().getMetadata().getUid();

        create(PREFIX + "-b"); // in flight when the operator dies
        first.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no clean close
        assertThat(first.exitValue()).as("killed, not stopped").isEqualTo(137);

        Process second = startOperator("second");
        try {
            awaitReady(PREFIX + "-b");
            create(PREFIX + "-c");
            awaitReady(PREFIX + "-c");
            Tenant a = client.resources(Tenant.class).withName(PREFIX + "-a").get();
            assertThat(a.getMetadata().getUid()).as("the API kept the object across the restart").isEqualTo(firstUid);
            assertThat(a.getStatus().isTrue("Ready")).isTrue();
            assertThat(client.namespaces().list().getItems()).extracting(n -> n.getMetadata().getName())
                    .filteredOn(n -> n.startsWith("tenant-" + PREFIX)).hasSize(3);
            assertThat(schemas()).as("one schema per tenant, none lost and none twice").hasSize(3);
        } finally {
            second.destroy();
            second.waitFor();
        }
    }

    private Process startOperator(String name) throws IOException {
        Path root = LocalCheckout.findRoot().orElseThrow();
        Path jar = root.resolve("operator/core/target/quarkus-app/quarkus-run.jar");
        assertThat(jar).as("the deployed operator is built first (the reactor packages operator/core before this module)").exists();
        int http = freePort();
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.port=" + http,
                "-Dquarkus.kubernetes-client.api-server-url=" + api.url(),
                "-Dquarkus.kubernetes-client.namespace=default",
                "-Dveroforge.postgres.jdbc-url=jdbc:postgresql://127.0.0.1:5432/" + DATABASE,
                "-Dveroforge.git.root=" + dir.resolve("git"),
                "-Dveroforge.git.http-port=0", "-Dveroforge.git.bind-address=127.0.0.1",
                "-Dveroforge.git.public-url=http://127.0.0.1:{port}",
                "-jar", jar.toString());
        Path log = Path.of("target", "restart-" + name + "-operator.log");
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        HttpClient http1 = HttpClient.newHttpClient();
        await().atMost(READY).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(process.isAlive()).as("operator running, see " + log.toAbsolutePath()).isTrue();
            try {
                return http1.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
        return process;
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
