package io.veroforge.operator.canary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.veroforge.api.v1alpha1.CanaryAnalysis;
import io.veroforge.api.v1alpha1.CanaryEvaluation;
import io.veroforge.api.v1alpha1.CanarySpec;
import io.veroforge.api.v1alpha1.Kpi;
import io.veroforge.api.v1alpha1.KpiOperator;
import io.veroforge.operator.canary.gate.GateReason;
import io.veroforge.operator.canary.gate.KpiGate;
import io.veroforge.operator.canary.gate.Recommendation;

/**
 * Real metrics, nothing simulated: a real Prometheus (/usr/bin/prometheus) scrapes two real Node
 * processes (stable and canary revision) every second while a load driver sends them traffic; the
 * evaluator's range queries and the gate decide. Short interval and window keep it under a minute.
 */
class CanaryMetricsEndToEndTest {
    private static final String NAMESPACE = "tenant-acme";

    @TempDir
    Path dir;
    private final List<Process> processes = new ArrayList<>();
    private final AtomicBoolean loading = new AtomicBoolean(true);
    private Process prometheus;

    @AfterEach
    void stop() {
        loading.set(false);
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void healthyCanaryIsPromotedOnRealMetrics() throws Exception {
        String address = start(Map.of(), Map.of());
        CanaryEvaluator.Outcome outcome = awaitEvaluation(address, Recommendation.promote);

        CanaryEvaluation status = EvaluationStatus.of(((CanaryEvaluator.Outcome.Evaluated) outcome).evaluation(), Instant.now());
        assertThat(status.getScore()).isEqualTo(100.0);
        assertThat(status.getKpis()).allSatisfy(k -> {
            assertThat(k.getPassed()).isTrue();
            assertThat(k.getSamples()).isPositive();
            assertThat(k.getQuery()).contains("revision=\"r2\"");
        });
        assertThat(status.getKpis().get(0).getBaseline()).isNotNull();
    }

    @Test
    void failingCanaryIsRolledBackAndAnOutageIsUnknownNotARollback() throws Exception {
        String address = start(Map.of(), Map.of("FAIL_RATE", "0.25"));
        CanaryEvaluator.Outcome outcome = awaitEvaluation(address, Recommendation.rollback);
        var evaluation = ((CanaryEvaluator.Outcome.Evaluated) outcome).evaluation();
        assertThat(evaluation.kpiResults().get(0).reason()).isEqualTo(GateReason.THRESHOLD_FAILED);
        assertThat(evaluation.kpiResults().get(0).value()).isBetween(0.1, 0.4);

        prometheus.destroy();
        prometheus.waitFor();
        CanaryEvaluator.Outcome down = evaluate(address);
        assertThat(down).isInstanceOf(CanaryEvaluator.Outcome.Unknown.class);
        assertThat(((CanaryEvaluator.Outcome.Unknown) down).cause()).contains("unreachable").contains(address);

        prometheus = startPrometheus(Integer.parseInt(address.substring(address.lastIndexOf(':') + 1)));
        awaitEvaluation(address, Recommendation.rollback);
    }

    private CanaryEvaluator.Outcome awaitEvaluation(String address, Recommendation expected) {
        CanaryEvaluator.Outcome[] last = new CanaryEvaluator.Outcome[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            last[0] = evaluate(address);
            assertThat(last[0]).isInstanceOf(CanaryEvaluator.Outcome.Evaluated.class);
            assertThat(((CanaryEvaluator.Outcome.Evaluated) last[0]).evaluation().recommendation()).as(last[0].toString()).isEqualTo(expected);
        });
        return last[0];
    }

    private CanaryEvaluator.Outcome evaluate(String address) {
        return new CanaryEvaluator(new PrometheusRangeQuery(Duration.ofSeconds(3)), new KpiGate())
                .evaluate(spec(), address, NAMESPACE, "r2", "r1", Instant.now(), Map.of());
    }

    private static CanarySpec spec() {
        CanarySpec spec = new CanarySpec();
        CanaryAnalysis analysis = new CanaryAnalysis();
        analysis.setInterval("3s");
        analysis.setWindow("10s");
        spec.setAnalysis(analysis);
        spec.setKpis(List.of(new Kpi("error_rate", 0.05, KpiOperator.lt, 50), new Kpi("latency_p95_ms", 400.0, KpiOperator.lt, 30),
                new Kpi("request_rate", 0.0, KpiOperator.gt, 20)));
        spec.setPassScore(80);
        return spec;
    }

    /** Starts stable (r1) and canary (r2), Prometheus scraping both, and a load driver at 50/50. */
    private String start(Map<String, String> stableEnv, Map<String, String> canaryEnv) throws Exception {
        Path script = dir.resolve("revision-server.js");
        try (InputStream in = getClass().getResourceAsStream("/canary/revision-server.js")) {
            Files.copy(in, script);
        }
        int stable = freePort();
        int canary = freePort();
        startNode(script, stable, "r1", stableEnv);
        startNode(script, canary, "r2", canaryEnv);
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
                """.formatted(stable, canary, NAMESPACE));
        int port = freePort();
        prometheus = startPrometheus(port);
        HttpClient http = HttpClient.newHttpClient();
        Thread driver = new Thread(() -> {
            int i = 0;
            while (loading.get()) {
                int target = i++ % 2 == 0 ? stable : canary;
                try {
                    http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + target + "/api/items")).build(),
                            HttpResponse.BodyHandlers.discarding());
                    Thread.sleep(10);
                } catch (IOException e) {
                    // a process not up yet
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "load-driver");
        driver.setDaemon(true);
        driver.start();
        return "http://127.0.0.1:" + port;
    }

    private Process startPrometheus(int port) throws IOException {
        Process p = new ProcessBuilder("/usr/bin/prometheus", "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dir.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus-" + System.nanoTime() + ".log").toFile()).start();
        processes.add(p);
        return p;
    }

    private void startNode(Path script, int port, String revision, Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("node", script.toString(), String.valueOf(port)).redirectErrorStream(true)
                .redirectOutput(dir.resolve(revision + ".log").toFile());
        pb.environment().put("REVISION", revision);
        pb.environment().putAll(env);
        processes.add(pb.start());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
