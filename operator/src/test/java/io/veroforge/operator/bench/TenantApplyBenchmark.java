package io.veroforge.operator.bench;

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
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.veroforge.api.v1alpha1.Tenant;
import io.veroforge.api.v1alpha1.TenantOwner;
import io.veroforge.api.v1alpha1.TenantSpec;
import io.veroforge.api.v1alpha1.Tier;

/**
 * Applies N basic Tenants to the operator running as it does for a user ({@code quarkus-run.jar
 * --local}: in-process Kubernetes API, real PostgreSQL) in its own process, and reports the
 * time until all are Ready, apply→Ready percentiles and the operator's heap and RSS.
 *
 * <p>Run with {@code ./mvnw -Pbench -pl operator -am -DskipTests verify} (see docs/benchmarks.md).
 * Each N gets a fresh operator process and a fresh database, dropped afterwards.
 */
public final class TenantApplyBenchmark {
    private static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private static final Duration ALL_READY_TIMEOUT = Duration.ofMinutes(10);

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "target/quarkus-app/quarkus-run.jar").toAbsolutePath();
        String jvmOptions = System.getProperty("bench.jvm", "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
        List<Integer> sizes = new ArrayList<>();
        for (String n : System.getProperty("bench.sizes", "100,1000").split(",")) {
            sizes.add(Integer.parseInt(n.trim()));
        }
        List<String> rows = new ArrayList<>();
        for (int n : sizes) {
            rows.add(run(jar, jvmOptions, n, false));
        }
        int paced = Integer.getInteger("bench.paced", 100);
        if (paced > 0) {
            rows.add(run(jar, jvmOptions, paced, true));
        }
        System.out.println();
        System.out.println("| tenants applied | all Ready after | throughput | apply→Ready p50 | p99 | max | operator heap used | operator RSS |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|");
        rows.forEach(System.out::println);
        System.out.println("operator JVM options: " + jvmOptions + "; cores: " + Runtime.getRuntime().availableProcessors());
        // the client's event-loop threads would keep this forked JVM alive
        System.exit(0);
    }

    /**
     * {@code paced}: apply one Tenant, wait until it is Ready, apply the next — the latency a
     * user sees; otherwise all N are applied at once (8 client threads) — the throughput.
     */
    private static String run(Path jar, String jvmOptions, int n, boolean paced) throws Exception {
        String database = "veroforge_bench_" + n;
        admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        admin("CREATE DATABASE " + database);
        int apiPort = freePort();
        int httpPort = freePort();
        Path workDir = Files.createTempDirectory("veroforge-bench");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Collections.addAll(command, jvmOptions.split(" "));
        command.add("-Dveroforge-local.api-port=" + apiPort);
        command.add("-Dveroforge-local.examples=false");
        command.add("-Dquarkus.http.port=" + httpPort);
        command.add("-Dquarkus.log.level=WARN");
        command.add("-Dveroforge.postgres.jdbc-url=jdbc:postgresql://127.0.0.1:5432/" + database);
        command.add("-Dvf.repo.root=" + Path.of("").toAbsolutePath().getParent());
        command.add("-jar");
        command.add(jar.toString());
        command.add("--local");
        Process operator = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(workDir.resolve("operator.log").toFile()).start();
        try {
            awaitHttp("http://127.0.0.1:" + httpPort + "/q/health/ready", operator, workDir);
            Config config = new ConfigBuilder().withMasterUrl("http://127.0.0.1:" + apiPort).withTrustCerts(true).build();
            try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
                Map<String, Long> applied = new ConcurrentHashMap<>();
                Map<String, Long> ready = new ConcurrentHashMap<>();
                SharedIndexInformer<Tenant> informer = client.resources(Tenant.class).inform(new ResourceEventHandler<>() {
                    @Override
                    public void onAdd(Tenant t) {
                        observe(t);
                    }

                    @Override
                    public void onUpdate(Tenant old, Tenant t) {
                        observe(t);
                    }

                    @Override
                    public void onDelete(Tenant t, boolean unknown) {
                    }

                    private void observe(Tenant t) {
                        if (t.getStatus() != null && t.getStatus().isTrue("Ready")) {
                            ready.putIfAbsent(t.getMetadata().getName(), System.nanoTime());
                        }
                    }
                });
                long start = System.nanoTime();
                if (paced) {
                    for (int i = 0; i < n; i++) {
                        String name = String.format(Locale.ROOT, "bench-%05d", i);
                        applied.put(name, System.nanoTime());
                        client.resource(tenant(name)).create();
                        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                        while (!ready.containsKey(name) && System.nanoTime() < until) {
                            Thread.sleep(1);
                        }
                    }
                } else {
                    ExecutorService appliers = Executors.newFixedThreadPool(8);
                    for (int i = 0; i < n; i++) {
                        String name = String.format(Locale.ROOT, "bench-%05d", i);
                        appliers.submit(() -> {
                            applied.put(name, System.nanoTime());
                            client.resource(tenant(name)).create();
                        });
                    }
                    appliers.shutdown();
                    appliers.awaitTermination(5, TimeUnit.MINUTES);
                }
                long deadline = System.nanoTime() + ALL_READY_TIMEOUT.toNanos();
                while (ready.size() < n && System.nanoTime() < deadline && operator.isAlive()) {
                    Thread.sleep(50);
                }
                long end = ready.values().stream().mapToLong(Long::longValue).max().orElse(System.nanoTime());
                informer.close();
                if (ready.size() < n) {
                    throw new IllegalStateException(ready.size() + " of " + n + " tenants Ready after " + ALL_READY_TIMEOUT
                            + "; operator log: " + workDir.resolve("operator.log"));
                }
                List<Long> latencies = new ArrayList<>();
                applied.forEach((name, at) -> latencies.add(ready.get(name) - at));
                Collections.sort(latencies);
                String heap = heapUsed("http://127.0.0.1:" + httpPort + "/q/metrics");
                long rssKib = rssKib(operator.pid());
                double seconds = (end - start) / 1e9;
                return String.format(Locale.ROOT, "| %d %s | %.1f s | %.0f tenants/s | %d ms | %d ms | %d ms | %s | %d MiB |",
                        n, paced ? "one at a time" : "at once", seconds, n / seconds, millis(percentile(latencies, 50)), millis(percentile(latencies, 99)),
                        millis(latencies.get(latencies.size() - 1)), heap, rssKib / 1024);
            }
        } finally {
            operator.destroy();
            operator.waitFor(30, TimeUnit.SECONDS);
            admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            dropBenchRoles();
        }
    }

    private static Tenant tenant(String name) {
        Tenant tenant = new Tenant();
        tenant.setMetadata(new ObjectMetaBuilder().withName(name).build());
        TenantSpec spec = new TenantSpec();
        spec.setTier(Tier.basic);
        spec.getOwners().add(new TenantOwner(TenantOwner.OwnerKind.User, "owner@" + name + ".example", null));
        tenant.setSpec(spec);
        return tenant;
    }

    private static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    private static void awaitHttp(String url, Process operator, Path workDir) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            if (!operator.isAlive()) {
                throw new IllegalStateException("operator exited: " + Files.readString(workDir.resolve("operator.log")));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("operator not ready within 2 minutes; log: " + workDir.resolve("operator.log"));
    }

    private static String heapUsed(String metricsUrl) throws Exception {
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(metricsUrl)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        if (Boolean.getBoolean("bench.dumpMetrics")) {
            body.lines().filter(l -> l.startsWith("operator_sdk")).forEach(System.out::println);
        }
        double bytes = body.lines()
                .filter(l -> l.startsWith("jvm_memory_used_bytes{") && l.contains("area=\"heap\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
        return String.format(Locale.ROOT, "%.0f MiB", bytes / 1024 / 1024);
    }

    private static long rssKib(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                .filter(l -> l.startsWith("VmRSS:"))
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
                .findFirst().orElse(-1L);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void admin(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(ADMIN_URL, "postgres", ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void dropBenchRoles() throws Exception {
        List<String> roles = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(ADMIN_URL, "postgres", ""); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT rolname FROM pg_roles WHERE rolname LIKE 'tenant\\_bench\\_%'")) {
            while (rs.next()) {
                roles.add(rs.getString(1));
            }
        }
        for (String role : roles) {
            admin("DROP ROLE IF EXISTS \"" + role + "\"");
        }
    }
}
