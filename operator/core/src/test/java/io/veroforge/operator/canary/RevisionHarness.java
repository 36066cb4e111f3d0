package io.veroforge.operator.canary;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;

/**
 * Real metrics for a Canary: two real Node processes (the stable revision r1 and the canary r2,
 * exporting the generated API's metric names with a {@code revision} label), a real Prometheus
 * (/usr/bin/prometheus) scraping both every second, and a load driver that sends each request to
 * the canary with the probability of the current weight (read live, e.g. from the replicas the
 * router set), as a Service spreading over the pods would.
 */
final class RevisionHarness implements AutoCloseable {
    private final Path dir;
    private final String namespace;
    private final List<Process> processes = new ArrayList<>();
    private final AtomicBoolean loading = new AtomicBoolean(true);
    private Process prometheus;
    private int prometheusPort;
    private Process canaryProcess;
    private int canaryPort;
    private Path script;

    RevisionHarness(Path dir, String namespace) {
        this.dir = dir;
        this.namespace = namespace;
    }

    /** Starts everything and returns Prometheus' address. */
    String start(Map<String, String> canaryEnv, IntSupplier canaryWeight) throws IOException {
        script = dir.resolve("revision-server.js");
        try (InputStream in = getClass().getResourceAsStream("/canary/revision-server.js")) {
            Files.copy(in, script);
        }
        int stable = freePort();
        int canary = freePort();
        startNode(script, stable, "r1", Map.of());
        canaryPort = canary;
        canaryProcess = startNode(script, canary, "r2", canaryEnv);
        Files.writeString(dir.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                scrape_configs:
                  - job_name: app
                    static_configs:
                      - targets: ['127.0.0.1:%d', '127.0.0.1:%d']
                        labels:
                          namespace: %s
                """.formatted(stable, canary, namespace));
        prometheusPort = freePort();
        startPrometheus();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Thread driver = new Thread(() -> {
            while (loading.get()) {
                int target = ThreadLocalRandom.current().nextInt(100) < canaryWeight.getAsInt() ? canary : stable;
                try {
                    http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + target + "/api/items")).build(),
                            HttpResponse.BodyHandlers.discarding());
                    Thread.sleep(5);
                } catch (IOException | RuntimeException e) {
                    // a process not up yet
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "load-driver");
        driver.setDaemon(true);
        driver.start();
        return "http://127.0.0.1:" + prometheusPort;
    }

    void stopPrometheus() throws InterruptedException {
        prometheus.destroy();
        prometheus.waitFor();
    }

    void startPrometheus() throws IOException {
        prometheus = new ProcessBuilder("/usr/bin/prometheus", "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dir.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + prometheusPort)
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus-" + System.nanoTime() + ".log").toFile()).start();
        processes.add(prometheus);
    }

    /**
     * Replaces the canary process by one with {@code env} (its counters restart, which Prometheus'
     * rate() takes as a counter reset) and returns when it answers: its first request is a failure
     * when FAIL_RATE is set, so that instant is the first bad sample's.
     */
    Instant restartCanary(String revision, Map<String, String> env) throws IOException, InterruptedException {
        canaryProcess.destroy();
        canaryProcess.waitFor();
        canaryProcess = startNode(script, canaryPort, revision, env);
        HttpClient http = HttpClient.newHttpClient();
        while (true) {
            try {
                http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + canaryPort + "/metrics")).build(),
                        HttpResponse.BodyHandlers.discarding());
                return Instant.now();
            } catch (IOException e) {
                Thread.sleep(20);
            }
        }
    }

    private Process startNode(Path script, int port, String revision, Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("node", script.toString(), String.valueOf(port)).redirectErrorStream(true)
                .redirectOutput(dir.resolve(revision + ".log").toFile());
        pb.environment().put("REVISION", revision);
        pb.environment().putAll(env);
        Process p = pb.start();
        processes.add(p);
        return p;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        loading.set(false);
        processes.forEach(Process::destroyForcibly);
        for (Process p : processes) {
            try {
                p.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
