package io.veroforge.operator.canary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.veroforge.api.v1alpha1.Canary;
import io.veroforge.operator.canary.gate.Recommendation;
import io.veroforge.localapi.SimulatedPrometheus;
import io.veroforge.operator.canary.gate.KpiGate;

/**
 * The local platform's simulated metrics provider through the real query path: the example Canary's KPIs
 * (two built-ins and a custom PromQL) resolved for two revisions, asked over HTTP in Prometheus's protocol,
 * scored by the gate. A healthy canary passes; one marked bad is recommended for rollback; the answer for
 * the same question is the same each time.
 */
class SimulatedMetricsTest {
    private final SimulatedPrometheus prometheus = SimulatedPrometheus.start(0);
    private final CanaryEvaluator evaluator = new CanaryEvaluator(new PrometheusRangeQuery(Duration.ofSeconds(3)), new KpiGate());
    private final Instant now = Instant.parse("2026-12-03T08:00:00Z");

    @AfterEach
    void stop() {
        prometheus.close();
    }

    @Test
    void aHealthyCanaryPassesAndOneMarkedBadIsRolledBack() throws IOException {
        Canary canary = example();
        CanaryEvaluator.Outcome healthy = evaluate(canary);
        assertThat(healthy).isInstanceOf(CanaryEvaluator.Outcome.Evaluated.class);
        var passed = ((CanaryEvaluator.Outcome.Evaluated) healthy).evaluation();
        assertThat(passed.passed()).as(passed.toString()).isTrue();
        assertThat(passed.recommendation()).isEqualTo(Recommendation.promote);
        assertThat(evaluate(canary)).as("same question, same answer").isEqualTo(healthy);

        prometheus.markBad("pest-control-2", true);
        var failed = ((CanaryEvaluator.Outcome.Evaluated) evaluate(canary)).evaluation();
        assertThat(failed.passed()).isFalse();
        assertThat(failed.recommendation()).as(failed.toString()).isEqualTo(Recommendation.rollback);
    }

    @Test
    void itSpeaksPrometheusAndSaysTheSeriesAreSimulated() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String query = KpiQueries.BUILT_IN.get("error_rate").replace("{{namespace}}", "tenant-acme").replace("{{revision}}", "pest-control-2")
                .replace("{{window}}", "1m");
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(prometheus.address() + "/api/v1/query_range?query="
                + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8) + "&start=100&end=160&step=30")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"resultType\":\"matrix\"", "\"revision\":\"pest-control-2\"", "simulated by the --local platform")
                .containsPattern("\\[\\[100\\.0,\"[0-9.E-]+\"\\],\\[130\\.0,\"[0-9.E-]+\"\\],\\[160\\.0,");

        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(prometheus.address() + "/simulate/revisions/x"))
                .PUT(HttpRequest.BodyPublishers.ofString("terrible")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("body bad or good");
    }

    private CanaryEvaluator.Outcome evaluate(Canary canary) {
        return evaluator.evaluate(canary.getSpec(), prometheus.address(), "tenant-acme", "pest-control-2", "pest-control-1", now, Map.of());
    }

    private static Canary example() throws IOException {
        Path file = Path.of(System.getProperty("vf.repo.root", "../..")).resolve("crds/examples/canary-pest-control.yaml");
        try (InputStream in = Files.newInputStream(file)) {
            return Serialization.unmarshal(in, Canary.class);
        }
    }
}
