package io.veroforge.operator.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.veroforge.api.v1alpha1.Tenant;

/**
 * One operator as a user runs it ({@code quarkus-run.jar --local}: in-process Kubernetes API, the
 * machine's PostgreSQL) in its own process, with a fresh database and its app repositories in a
 * temporary directory. Closing it stops the process, drops the database and the bench tenants'
 * roles, keeps the operator's log under {@code target/bench/} and deletes the directory.
 */
final class LocalOperatorProcess implements AutoCloseable {
    private static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

    private final String database;
    private final Path workDir;
    private final Process process;
    private final int httpPort;
    private final KubernetesClient client;
    /** The local API in a process of its own ({@code -Dbench.api=standalone}, the default), else null: it runs inside the operator. */
    private final Process api;

    private LocalOperatorProcess(String database, Path workDir, Process process, int httpPort, KubernetesClient client, Process api) {
        this.database = database;
        this.workDir = workDir;
        this.process = process;
        this.httpPort = httpPort;
        this.client = client;
        this.api = api;
    }

    /** Starts the jar with {@code --local} on free ports against a new database {@code database} and waits until it is ready. */
    static LocalOperatorProcess start(Path jar, String jvmOptions, String database) throws Exception {
        admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        admin("CREATE DATABASE " + database);
        int apiPort = freePort();
        int httpPort = freePort();
        Path workDir = Files.createTempDirectory("veroforge-bench");
        // the API in its own process (as it is on a cluster), so the operator's RSS is the operator's alone
        Process api = "standalone".equals(System.getProperty("bench.api", "standalone")) ? startApi(jar, apiPort, workDir) : null;
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Collections.addAll(command, jvmOptions.split(" "));
        command.add("-Dveroforge-local.api-port=" + apiPort);
        command.add("-Dveroforge-local.examples=false");
        command.add("-Dquarkus.http.port=" + httpPort);
        command.add("-Dquarkus.log.level=" + System.getProperty("bench.log", "WARN"));
        command.add("-Dveroforge.postgres.jdbc-url=jdbc:postgresql://127.0.0.1:5432/" + database);
        command.add("-Dveroforge.git.root=" + workDir.resolve("git"));
        command.add("-Dveroforge.git.http-port=0");
        command.add("-Dvf.repo.root=" + Path.of("").toAbsolutePath().getParent());
        if (api != null) {
            command.add("-Dveroforge-local.api-url=http://127.0.0.1:" + apiPort);
        }
        command.add("-jar");
        command.add(jar.toString());
        command.add("--local");
        Process process = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(workDir.resolve("operator.log").toFile()).start();
        try {
            awaitHttp("http://127.0.0.1:" + httpPort + "/q/health/ready", process, workDir);
        } catch (Exception e) {
            process.destroy();
            if (api != null) {
                api.destroy();
            }
            throw e;
        }
        // the kubeconfig the operator wrote (.local/kubeconfig) names the same URL
        KubernetesClient client = new KubernetesClientBuilder()
                .withConfig(new ConfigBuilder().withMasterUrl("http://127.0.0.1:" + apiPort).withTrustCerts(true).build()).build();
        return new LocalOperatorProcess(database, workDir, process, httpPort, client, api);
    }

    /** {@code quarkus-run.jar --local-api} with {@code -Dbench.api.jvm} (default {@code -Xmx1g -XX:+UseSerialGC}), once it answers. */
    private static Process startApi(Path jar, int port, Path workDir) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Collections.addAll(command, System.getProperty("bench.api.jvm", "-Xmx1g -XX:+UseSerialGC").split(" "));
        command.add("-Dveroforge-local.api-port=" + port);
        command.addAll(List.of("-jar", jar.toString(), "--local-api"));
        Path dir = Files.createDirectories(workDir.resolve("api"));
        Process api = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(workDir.resolve("api.log").toFile()).start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < deadline && api.isAlive()) {
            // the CRDs are installed before the address is printed
            if (Files.readString(workDir.resolve("api.log")).contains("Local Kubernetes API on")) {
                http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/version")).build(), HttpResponse.BodyHandlers.discarding());
                return api;
            }
            Thread.sleep(100);
        }
        api.destroyForcibly();
        throw new IllegalStateException("the standalone local API did not start: " + Files.readString(workDir.resolve("api.log")));
    }

    /**
     * Whether {@code -Dbench.only} is unset, {@code all}, or names this benchmark ({@code tenant},
     * {@code generation}); says so when it is skipped.
     */
    static boolean selected(String benchmark) {
        String only = System.getProperty("bench.only", "").trim();
        boolean selected = only.isEmpty() || only.equals("all") || only.equals(benchmark);
        if (!selected) {
            System.out.println("the " + benchmark + " benchmark is skipped (-Dbench.only=" + only + ")");
        }
        return selected;
    }

    /** The operator jar: the first argument, else the module's build output. */
    static Path jar(String[] args) {
        return Path.of(args.length > 0 ? args[0] : "target/quarkus-app/quarkus-run.jar").toAbsolutePath();
    }

    /** The operator's JVM options ({@code -Dbench.jvm}). */
    static String jvmOptions() {
        return System.getProperty("bench.jvm", "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
    }

    /** A basic-tier Tenant with one owner, as a user would apply it. */
    static Tenant basicTenant(String name) {
        return io.veroforge.operator.reliability.TenantCensus.basicTenant(name);
    }

    KubernetesClient client() {
        return client;
    }

    /** An informer on every {@code type} in every namespace, calling {@code observer} on each add and update. */
    <T extends HasMetadata> SharedIndexInformer<T> watch(Class<T> type, Consumer<T> observer) {
        return client.resources(type).inAnyNamespace().inform(new ResourceEventHandler<>() {
            @Override
            public void onAdd(T resource) {
                observer.accept(resource);
            }

            @Override
            public void onUpdate(T old, T resource) {
                observer.accept(resource);
            }

            @Override
            public void onDelete(T resource, boolean unknown) {
            }
        });
    }

    boolean alive() {
        return process.isAlive();
    }

    Path log() {
        return workDir.resolve("operator.log");
    }

    /** Heap in use according to the operator's {@code /q/metrics}, e.g. {@code 30 MiB}. */
    String heapUsed() throws Exception {
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/q/metrics")).build(),
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

    /** The operator process's resident set size. */
    long rssMib() throws IOException {
        return rssMib(process);
    }

    /** The standalone API process's resident set size; -1 when the API runs inside the operator. */
    long apiRssMib() throws IOException {
        return api == null ? -1 : rssMib(api);
    }

    /** Whether the operator has the embedding model's ONNX runtime mapped (it should not, with only Tenants to reconcile). */
    boolean embeddingModelLoaded() throws IOException {
        return Files.readString(Path.of("/proc", String.valueOf(process.pid()), "maps")).contains("onnxruntime");
    }

    /** The bench database's catalogue: rows in pg_class and the bytes of every pg_catalog relation (tables, indexes, TOAST). */
    long[] catalogue() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM pg_class), (SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c"
                        + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'pg_catalog' AND c.relkind = 'r')")) {
            rs.next();
            return new long[] { rs.getLong(1), rs.getLong(2) };
        }
    }

    /** CPU seconds (user + system) the operator and the standalone API have used, e.g. {@code 41 s / 23 s}. */
    String cpuSeconds() throws IOException {
        return String.format(Locale.ROOT, "%.0f s / %s", cpuSeconds(process), api == null ? "–" : String.format(Locale.ROOT, "%.0f s", cpuSeconds(api)));
    }

    private static double cpuSeconds(Process process) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0; // USER_HZ
    }

    private static long rssMib(Process process) throws IOException {
        return Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status")).stream()
                .filter(l -> l.startsWith("VmRSS:"))
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
                .findFirst().orElse(-1L) / 1024;
    }

    @Override
    public void close() throws Exception {
        client.close();
        process.destroy();
        process.waitFor(30, TimeUnit.SECONDS);
        if (api != null) {
            api.destroy();
            api.waitFor(30, TimeUnit.SECONDS);
        }
        try {
            Path kept = Path.of("target", "bench", database + "-operator.log");
            Files.createDirectories(kept.getParent());
            Files.copy(log(), kept, StandardCopyOption.REPLACE_EXISTING);
            deleteTree(workDir);
        } finally {
            admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            dropBenchRoles();
        }
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

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
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
