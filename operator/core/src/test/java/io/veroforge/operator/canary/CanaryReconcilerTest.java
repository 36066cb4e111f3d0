package io.veroforge.operator.canary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.javaoperatorsdk.operator.Operator;
import io.veroforge.api.v1alpha1.Canary;
import io.veroforge.api.v1alpha1.CanaryDecision;
import io.veroforge.api.v1alpha1.CanaryPhase;
import io.veroforge.api.v1alpha1.CanaryRecommendation;
import io.veroforge.api.v1alpha1.CanaryRouterType;
import io.veroforge.api.v1alpha1.Kpi;
import io.veroforge.api.v1alpha1.KpiOperator;

/**
 * The Canary reconciler on the CRUD mock API, with no Prometheus listening (the address is a closed
 * port, so every evaluation meets a real connection refusal): the rollout stays at its step with
 * Unknown, and a person's promote and abort drive it. Deployments are plain objects here; their
 * replicas are what the router set.
 */
@EnableKubernetesMockClient(crud = true)
class CanaryReconcilerTest {
    private static final String NS = "tenant-acme";
    static KubernetesClient client;
    private Operator operator;
    private String prometheus;

    @BeforeEach
    void start() throws Exception {
        CanaryFixtures.installCrd(client);
        try (ServerSocket s = new ServerSocket(0)) {
            prometheus = "http://127.0.0.1:" + s.getLocalPort();
        }
        operator = CanaryFixtures.operator(client, prometheus);
    }

    @AfterEach
    void stop() {
        if (operator != null) {
            operator.stop();
        }
    }

    @Test
    void anUnreachablePrometheusKeepsTheStepWithUnknownAndNeverRollsBack() {
        CanaryFixtures.deployments(client, NS, "down-api", 4);
        client.resource(CanaryFixtures.canary(NS, "down", "down-api", "1s", null, 25, 50, 100)).create();

        Canary c = awaitCanary("down", x -> x.getStatus().getDecisions().size() >= 1 && x.getStatus().getLastEvaluation() != null);
        assertThat(c.getStatus().getPhase()).isEqualTo(CanaryPhase.Progressing);
        assertThat(c.getStatus().getCurrentStep()).isZero();
        assertThat(c.getStatus().getCurrentWeight()).isEqualTo(25);
        assertThat(c.getStatus().getLastEvaluation().getReason()).isEqualTo("Unknown");
        assertThat(c.getStatus().getLastEvaluation().getMessage()).contains("unreachable").contains(prometheus);
        assertThat(c.getStatus().getDecisions()).singleElement().satisfies(d -> {
            assertThat(d.getDecision()).isEqualTo(CanaryRecommendation.CONTINUE);
            assertThat(d.getReason()).startsWith("MetricsUnavailable");
            assertThat(d.getBy()).isEqualTo("kpi-gate");
        });
        assertThat(condition(c.getStatus(), "Analysis")).satisfies(a -> {
            assertThat(a.getStatus()).isEqualTo("Unknown");
            assertThat(a.getReason()).isEqualTo("Unknown");
        });
        assertThat(CanaryFixtures.replicas(client, NS, "down-api-canary")).isEqualTo(1);
        assertThat(CanaryFixtures.replicas(client, NS, "down-api")).isEqualTo(3);

        // evaluations go on each interval (the same continue is not recorded twice), never a rollback
        String first = c.getStatus().getLastEvaluation().getAt();
        Canary later = awaitCanary("down", x -> !first.equals(x.getStatus().getLastEvaluation().getAt()));
        assertThat(later.getStatus().getPhase()).isEqualTo(CanaryPhase.Progressing);
        assertThat(later.getStatus().getDecisions()).hasSize(1);
    }

    @Test
    void promotedByHandThroughEveryStepTheCanaryBecomesStable() {
        CanaryFixtures.deployments(client, NS, "shop-api", 4);
        client.resource(CanaryFixtures.canary(NS, "shop", "shop-api", "30s", null, 25, 50, 100)).create();
        awaitCanary("shop", x -> x.getStatus().getPhase() == CanaryPhase.Progressing);
        assertThat(CanaryFixtures.replicas(client, NS, "shop-api-canary")).isEqualTo(1);

        act("shop", "promote", "alice");
        awaitCanary("shop", x -> x.getStatus().getCurrentStep() == 1);
        assertThat(CanaryFixtures.replicas(client, NS, "shop-api-canary")).isEqualTo(2);
        assertThat(CanaryFixtures.replicas(client, NS, "shop-api")).isEqualTo(2);
        act("shop", "promote", "alice");
        awaitCanary("shop", x -> x.getStatus().getCurrentStep() == 2);
        assertThat(CanaryFixtures.replicas(client, NS, "shop-api-canary")).isEqualTo(4);
        assertThat(CanaryFixtures.replicas(client, NS, "shop-api")).isZero();
        act("shop", "promote", "alice");

        Canary done = awaitCanary("shop", x -> x.getStatus().getPhase() == CanaryPhase.Promoted);
        assertThat(condition(done.getStatus(), "Ready").getStatus()).isEqualTo("True");
        assertThat(done.getStatus().getStableRevision()).isEqualTo("r2");
        assertThat(done.getStatus().getDecisions()).extracting(CanaryDecision::getDecision).containsOnly(CanaryRecommendation.PROMOTE);
        assertThat(done.getStatus().getDecisions()).extracting(CanaryDecision::getStep).containsExactly(0, 1, 2);
        assertThat(done.getStatus().getDecisions()).allSatisfy(d -> {
            assertThat(d.getBy()).isEqualTo("alice");
            assertThat(d.getAt()).isNotBlank();
        });
        assertThat(done.getMetadata().getAnnotations()).doesNotContainKey(ManualAction.ACTION);
        Deployment stable = client.apps().deployments().inNamespace(NS).withName("shop-api").get();
        assertThat(stable.getSpec().getReplicas()).isEqualTo(4);
        assertThat(stable.getMetadata().getLabels()).containsEntry("veroforge.io/revision", "r2");
        assertThat(stable.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).endsWith(":r2");
        assertThat(stable.getSpec().getTemplate().getMetadata().getLabels()).doesNotContainKey("veroforge.io/canary-role");
        assertThat(CanaryFixtures.replicas(client, NS, "shop-api-canary")).isZero();
        assertThat(events("shop")).anyMatch(e -> "Promoted".equals(e.getReason()));
    }

    @Test
    void abortedByHandAllTrafficGoesBackToStable() {
        CanaryFixtures.deployments(client, NS, "abort-api", 3);
        client.resource(CanaryFixtures.canary(NS, "abort", "abort-api", "30s", null, 50, 100)).create();
        awaitCanary("abort", x -> x.getStatus().getPhase() == CanaryPhase.Progressing);
        assertThat(CanaryFixtures.replicas(client, NS, "abort-api-canary")).isEqualTo(2);

        act("abort", "abort", null);
        Canary done = awaitCanary("abort", x -> x.getStatus().getPhase() == CanaryPhase.RolledBack);
        assertThat(done.getStatus().getCurrentWeight()).isZero();
        assertThat(condition(done.getStatus(), "Ready").getReason()).isEqualTo("RolledBack");
        assertThat(done.getStatus().getDecisions()).last().satisfies(d -> {
            assertThat(d.getDecision()).isEqualTo(CanaryRecommendation.ROLLBACK);
            assertThat(d.getReason()).contains("aborted by hand");
            assertThat(d.getBy()).isNotBlank();
        });
        assertThat(CanaryFixtures.replicas(client, NS, "abort-api-canary")).isZero();
        assertThat(CanaryFixtures.replicas(client, NS, "abort-api")).isEqualTo(3);
        assertThat(client.apps().deployments().inNamespace(NS).withName("abort-api").get().getMetadata().getLabels())
                .containsEntry("veroforge.io/revision", "r1");
        assertThat(events("abort")).anyMatch(e -> "RolledBack".equals(e.getReason()) && "Warning".equals(e.getType()));
    }

    @Test
    void aRestartedOperatorResumesAtTheRecordedStepWithTheSameHistory() {
        CanaryFixtures.deployments(client, NS, "crash-api", 4);
        client.resource(CanaryFixtures.canary(NS, "crash", "crash-api", "30s", null, 25, 50, 75, 100)).create();
        awaitCanary("crash", x -> x.getStatus().getPhase() == CanaryPhase.Progressing);
        act("crash", "promote", "bob");
        Canary before = awaitCanary("crash", x -> x.getStatus().getCurrentStep() == 1);

        operator.stop();
        // while no operator runs, someone scales the canary by hand; the resumed rollout puts the step's weight back
        client.apps().deployments().inNamespace(NS).withName("crash-api-canary").scale(0);
        operator = CanaryFixtures.operator(client, prometheus);

        await().atMost(Duration.ofSeconds(20)).until(() -> CanaryFixtures.replicas(client, NS, "crash-api-canary") == 2);
        Canary resumed = canary("crash");
        assertThat(resumed.getStatus().getCurrentStep()).isEqualTo(1);
        assertThat(resumed.getStatus().getStepStartedAt()).isEqualTo(before.getStatus().getStepStartedAt());
        assertThat(resumed.getStatus().getDecisions()).usingRecursiveFieldByFieldElementComparator()
                .containsExactlyElementsOf(before.getStatus().getDecisions());

        act("crash", "promote", "bob");
        Canary next = awaitCanary("crash", x -> x.getStatus().getCurrentStep() == 2);
        assertThat(next.getStatus().getDecisions()).hasSize(before.getStatus().getDecisions().size() + 1);
        assertThat(next.getStatus().getDecisions().subList(0, before.getStatus().getDecisions().size()))
                .usingRecursiveFieldByFieldElementComparator().containsExactlyElementsOf(before.getStatus().getDecisions());
    }

    @Test
    void stepsRemovedMidRolloutGoOnFromTheLastStepLeft() {
        CanaryFixtures.deployments(client, NS, "edit-api", 4);
        client.resource(CanaryFixtures.canary(NS, "edit", "edit-api", "30s", null, 25, 50, 100)).create();
        awaitCanary("edit", x -> x.getStatus().getPhase() == CanaryPhase.Progressing);
        act("edit", "promote", "dana");
        awaitCanary("edit", x -> x.getStatus().getCurrentStep() == 1);

        client.resources(Canary.class).inNamespace(NS).withName("edit").edit(c -> {
            c.getSpec().setSteps(List.of(new io.veroforge.api.v1alpha1.CanaryStep(75, "30s")));
            return c;
        });
        Canary c = awaitCanary("edit", x -> x.getStatus().getCurrentStep() == 0 && x.getStatus().getCurrentWeight() == 75);
        assertThat(c.getStatus().getPhase()).isEqualTo(CanaryPhase.Progressing);
        await().atMost(Duration.ofSeconds(20)).until(() -> CanaryFixtures.replicas(client, NS, "edit-api-canary") == 3);
        act("edit", "promote", "dana");
        assertThat(awaitCanary("edit", x -> x.getStatus().getPhase() != CanaryPhase.Progressing).getStatus().getPhase())
                .isEqualTo(CanaryPhase.Promoted);
    }

    @Test
    void aKpiWithNeitherQueryNorBuiltInIsAnInvalidSpecNamingTheField() {
        CanaryFixtures.deployments(client, NS, "bad-api", 2);
        Canary bad = CanaryFixtures.canary(NS, "bad", "bad-api", "30s", null, 50, 100);
        bad.getSpec().setKpis(List.of(new Kpi("bookings", 1.0, KpiOperator.gt, 100)));
        bad.getSpec().getSteps().get(0).setPause("5 minutes");
        client.resource(bad).create();

        Canary c = awaitCanary("bad", x -> condition(x.getStatus(), "Ready") != null);
        assertThat(c.getStatus().getPhase()).isEqualTo(CanaryPhase.Failed);
        assertThat(condition(c.getStatus(), "Ready").getReason()).isEqualTo("InvalidSpec");
        assertThat(condition(c.getStatus(), "Ready").getMessage()).contains("spec.kpis[bookings].query").contains("spec.steps[0].pause");
        assertThat(CanaryFixtures.replicas(client, NS, "bad-api-canary")).isZero();
    }

    @Test
    void theGatewayApiRouterWeightsTheHttpRouteBackends() {
        CanaryFixtures.deployments(client, NS, "gw-api", 2);
        client.resource(new HTTPRouteBuilder().withNewMetadata().withNamespace(NS).withName("gw").endMetadata()
                .withNewSpec().addNewRule().addNewBackendRef().withName("gw-stable").withPort(80).endBackendRef().endRule().endSpec()
                .build()).create();
        Canary canary = CanaryFixtures.canary(NS, "gw", "gw-api", "30s", null, 10, 100);
        canary.getSpec().getRouter().setType(CanaryRouterType.gatewayApi);
        canary.getSpec().getRouter().setHttpRoute("gw");
        canary.getSpec().getRouter().setStableService("gw-stable");
        canary.getSpec().getRouter().setCanaryService("gw-canary");
        client.resource(canary).create();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(weights("gw")).containsExactly(
                Map.entry("gw-stable", 90), Map.entry("gw-canary", 10)));
        assertThat(CanaryFixtures.replicas(client, NS, "gw-api-canary")).isEqualTo(2);
        assertThat(CanaryFixtures.replicas(client, NS, "gw-api")).isEqualTo(2);

        act("gw", "abort", "carol");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(weights("gw")).containsExactly(
                Map.entry("gw-stable", 100), Map.entry("gw-canary", 0)));
        awaitCanary("gw", x -> x.getStatus().getPhase() == CanaryPhase.RolledBack);
        assertThat(CanaryFixtures.replicas(client, NS, "gw-api-canary")).isZero();
    }

    private static io.fabric8.kubernetes.api.model.Condition condition(io.veroforge.api.v1alpha1.CanaryStatus status, String type) {
        return status.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
    }

    private static List<Map.Entry<String, Integer>> weights(String route) {
        HTTPRoute r = client.resources(HTTPRoute.class).inNamespace(NS).withName(route).get();
        return r.getSpec().getRules().get(0).getBackendRefs().stream()
                .map((HTTPBackendRef b) -> Map.entry(b.getName(), b.getWeight() == null ? -1 : b.getWeight())).toList();
    }

    private static void act(String name, String action, String actor) {
        client.resources(Canary.class).inNamespace(NS).withName(name).edit(c -> {
            c.getMetadata().getAnnotations().put(ManualAction.ACTION, action);
            if (actor != null) {
                c.getMetadata().getAnnotations().put(ManualAction.ACTOR, actor);
            }
            return c;
        });
    }

    private static Canary canary(String name) {
        return client.resources(Canary.class).inNamespace(NS).withName(name).get();
    }

    private static Canary awaitCanary(String name, Predicate<Canary> condition) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> canary(name), c -> c != null && c.getStatus() != null && condition.test(c));
    }

    private static List<Event> events(String name) {
        return client.v1().events().inNamespace(NS).list().getItems().stream()
                .filter(e -> name.equals(e.getInvolvedObject().getName())).toList();
    }
}
