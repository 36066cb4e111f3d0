package io.veroforge.operator.canary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.javaoperatorsdk.operator.Operator;
import io.veroforge.api.v1alpha1.Canary;
import io.veroforge.api.v1alpha1.CanaryDecision;
import io.veroforge.api.v1alpha1.CanaryPhase;
import io.veroforge.api.v1alpha1.CanaryRecommendation;
import io.veroforge.localapi.SimulatedControllers;

/**
 * The Canary reconciler end to end on real metrics: real Prometheus scraping real Node revisions,
 * traffic split by the replicas the router set on the (mock API's) Deployments, the simulated
 * Deployment controller rolling them out. A 3 s interval keeps each rollout within a minute.
 */
@EnableKubernetesMockClient(crud = true)
class CanaryRolloutEndToEndTest {
    private static final String NS = "tenant-acme";
    private static final Duration WAIT = Duration.ofSeconds(90);
    static KubernetesClient client;

    @TempDir
    Path dir;
    private RevisionHarness harness;
    private Operator operator;
    private SimulatedControllers cluster;

    @BeforeEach
    void setUp() throws Exception {
        CanaryFixtures.installCrd(client);
        cluster = new SimulatedControllers(client).run(NS);
        harness = new RevisionHarness(dir, NS);
    }

    @AfterEach
    void tearDown() {
        if (operator != null) {
            operator.stop();
        }
        cluster.close();
        harness.close();
    }

    @Test
    void aHealthyCanaryIsPromotedThroughEveryStepAndAPrometheusOutageOnlyPausesIt() throws Exception {
        CanaryFixtures.deployments(client, NS, "good-api", 4);
        String prometheus = harness.start(Map.of(), () -> canaryShare("good-api"));
        operator = CanaryFixtures.operator(client, prometheus);
        client.resource(CanaryFixtures.canary(NS, "good", "good-api", "3s", null, 25, 50, 100)).create();

        awaitCanary("good", c -> c.getStatus().getCurrentStep() != null && c.getStatus().getCurrentStep() >= 1);
        harness.stopPrometheus();
        Canary down = awaitCanary("good", c -> c.getStatus().getLastEvaluation() != null
                && "Unknown".equals(c.getStatus().getLastEvaluation().getReason()));
        assertThat(down.getStatus().getPhase()).isEqualTo(CanaryPhase.Progressing);
        assertThat(down.getStatus().getLastEvaluation().getMessage()).contains("unreachable");
        assertThat(down.getStatus().getDecisions()).noneMatch(d -> d.getDecision() == CanaryRecommendation.ROLLBACK);
        int stepWhileDown = down.getStatus().getCurrentStep();
        harness.startPrometheus();

        Canary done = awaitCanary("good", c -> c.getStatus().getPhase() != CanaryPhase.Progressing);
        assertThat(done.getStatus().getPhase()).as(done.getStatus().getDecisions().toString()).isEqualTo(CanaryPhase.Promoted);
        assertThat(done.getStatus().getDecisions()).filteredOn(d -> d.getDecision() == CanaryRecommendation.PROMOTE)
                .extracting(CanaryDecision::getStep).containsExactly(0, 1, 2);
        assertThat(done.getStatus().getDecisions()).filteredOn(d -> d.getDecision() == CanaryRecommendation.PROMOTE)
                .allSatisfy(d -> {
                    assertThat(d.getBy()).isEqualTo("kpi-gate");
                    assertThat(d.getScore()).isEqualTo(100.0);
                });
        assertThat(done.getStatus().getDecisions()).anyMatch(d -> d.getReason().startsWith("MetricsUnavailable")
                && d.getStep() == stepWhileDown);
        assertThat(done.getStatus().getLastEvaluation().getKpis()).allSatisfy(k -> assertThat(k.getQuery()).contains("revision=\"r2\""));
        assertThat(client.apps().deployments().inNamespace(NS).withName("good-api").get().getMetadata().getLabels())
                .containsEntry("veroforge.io/revision", "r2");
        assertThat(CanaryFixtures.replicas(client, NS, "good-api")).isEqualTo(4);
        assertThat(CanaryFixtures.replicas(client, NS, "good-api-canary")).isZero();
    }

    @Test
    void aFailingCanaryIsRolledBackAtItsFirstBadEvaluation() throws Exception {
        CanaryFixtures.deployments(client, NS, "bad-api", 4);
        String prometheus = harness.start(Map.of("FAIL_RATE", "0.25"), () -> canaryShare("bad-api"));
        operator = CanaryFixtures.operator(client, prometheus);
        Instant created = Instant.now();
        client.resource(CanaryFixtures.canary(NS, "bad", "bad-api", "3s", null, 25, 50, 100)).create();

        Canary done = awaitCanary("bad", c -> c.getStatus().getPhase() != null && c.getStatus().getPhase() != CanaryPhase.Progressing
                && c.getStatus().getPhase() != CanaryPhase.Pending);
        Instant rolledBack = Instant.now();
        assertThat(done.getStatus().getPhase()).isEqualTo(CanaryPhase.RolledBack);
        assertThat(done.getStatus().getDecisions()).noneMatch(d -> d.getDecision() == CanaryRecommendation.PROMOTE);
        CanaryDecision rollback = done.getStatus().getDecisions().get(done.getStatus().getDecisions().size() - 1);
        assertThat(rollback.getDecision()).isEqualTo(CanaryRecommendation.ROLLBACK);
        assertThat(rollback.getStep()).isZero();
        assertThat(rollback.getReason()).contains("error_rate");
        // the rollback is the evaluation that first saw the failures: status shows the same instant for both
        assertThat(done.getStatus().getLastEvaluation().getAt()).isEqualTo(rollback.getAt());
        assertThat(done.getStatus().getLastEvaluation().getRecommendation()).isEqualTo(CanaryRecommendation.ROLLBACK);
        assertThat(CanaryFixtures.replicas(client, NS, "bad-api-canary")).isZero();
        assertThat(CanaryFixtures.replicas(client, NS, "bad-api")).isEqualTo(4);
        assertThat(client.apps().deployments().inNamespace(NS).withName("bad-api").get().getMetadata().getLabels())
                .containsEntry("veroforge.io/revision", "r1");
        System.out.printf("canary e2e: created -> rolled back in %.1f s (interval 3 s)%n",
                Duration.between(created, rolledBack).toMillis() / 1000.0);
    }

    /** The weight the replicas router gives the canary: its share of the pods. */
    private static int canaryShare(String deployment) {
        try {
            int canary = CanaryFixtures.replicas(client, NS, deployment + "-canary");
            int stable = CanaryFixtures.replicas(client, NS, deployment);
            return canary + stable == 0 ? 0 : 100 * canary / (canary + stable);
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static Canary awaitCanary(String name, Predicate<Canary> condition) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> client.resources(Canary.class).inNamespace(NS).withName(name).get(),
                        c -> c != null && c.getStatus() != null && condition.test(c));
    }
}
