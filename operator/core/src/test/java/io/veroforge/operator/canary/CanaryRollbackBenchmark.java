package io.veroforge.operator.canary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.javaoperatorsdk.operator.Operator;
import io.veroforge.api.v1alpha1.Canary;
import io.veroforge.api.v1alpha1.CanaryPhase;
import io.veroforge.localapi.SimulatedControllers;

/**
 * Benchmark, not a test of the default suite (docs/benchmarks.md): time from the first bad sample to
 * the rollback with a 30 s analysis interval, in the end-to-end harness (real Prometheus, real Node
 * revisions, the reconciler on the mock API). The canary runs healthy for a random part of an
 * interval, then is replaced by a process failing 25% of requests; the clock runs from that
 * process's first (failing) answer to the Canary showing RolledBack.
 *
 * <pre>./mvnw -q -o -pl operator/core -am test -Dtest=CanaryRollbackBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dveroforge.bench.canary=true
 *     [-Dveroforge.bench.canary.rate-window=4s]</pre>
 */
@EnabledIfSystemProperty(named = "veroforge.bench.canary", matches = "true")
@EnableKubernetesMockClient(crud = true)
class CanaryRollbackBenchmark {
    private static final String NS = "tenant-bench";
    private static final int TRIALS = Integer.getInteger("veroforge.bench.canary.trials", 3);
    /** {@code analysis.rateWindow}; unset: the interval (the default). */
    private static final String RATE_WINDOW = System.getProperty("veroforge.bench.canary.rate-window");
    static KubernetesClient client;

    @TempDir
    Path dir;

    @Test
    void firstBadSampleToRollback() throws Exception {
        CanaryFixtures.installCrd(client);
        List<Double> seconds = new ArrayList<>();
        try (SimulatedControllers cluster = new SimulatedControllers(client).run(NS);
             RevisionHarness harness = new RevisionHarness(dir, NS)) {
            String prometheus = harness.start(Map.of(), () -> 50);
            Operator operator = CanaryFixtures.operator(client, prometheus);
            try {
                for (int i = 0; i < TRIALS; i++) {
                    String name = "bench-" + i;
                    // a revision of its own per trial: the last trial's failures stay in Prometheus under its revision
                    String revision = "r2-" + i;
                    harness.restartCanary(revision, Map.of());
                    CanaryFixtures.deployments(client, NS, name + "-api", 2, revision);
                    Canary canary = CanaryFixtures.canary(NS, name, name + "-api", "30s", null, 50, 100);
                    canary.getSpec().getSteps().get(0).setPause("1h");
                    canary.getSpec().getAnalysis().setRateWindow(RATE_WINDOW);
                    client.resource(canary).create();
                    await().atMost(Duration.ofSeconds(70)).until(() -> client.resources(Canary.class).inNamespace(NS).withName(name).get(),
                            c -> c.getStatus() != null && c.getStatus().getLastEvaluation() != null);
                    Thread.sleep(ThreadLocalRandom.current().nextLong(30_000));
                    assertThat(client.resources(Canary.class).inNamespace(NS).withName(name).get().getStatus().getPhase())
                            .as("healthy before the switch").isEqualTo(CanaryPhase.Progressing);
                    Instant firstBad = harness.restartCanary(revision, Map.of("FAIL_RATE", "0.25"));
                    Canary done = await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(100))
                            .until(() -> client.resources(Canary.class).inNamespace(NS).withName(name).get(),
                                    c -> c.getStatus().getPhase() != CanaryPhase.Progressing);
                    assertThat(done.getStatus().getPhase()).isEqualTo(CanaryPhase.RolledBack);
                    double s = Duration.between(firstBad, Instant.now()).toMillis() / 1000.0;
                    seconds.add(s);
                    System.out.printf("canary rollback bench: trial %d: first bad sample -> RolledBack %.1f s%n", i, s);
                }
            } finally {
                operator.stop();
            }
        }
        System.out.printf("canary rollback bench: interval 30 s, rate window %s, scrape 1 s, %d trials: min %.1f s, max %.1f s, mean %.1f s%n",
                RATE_WINDOW == null ? "30s (the interval)" : RATE_WINDOW, seconds.size(), seconds.stream().mapToDouble(d -> d).min().orElse(0), seconds.stream().mapToDouble(d -> d).max().orElse(0),
                seconds.stream().mapToDouble(d -> d).average().orElse(0));
    }
}
