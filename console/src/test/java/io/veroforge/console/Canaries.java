package io.veroforge.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.veroforge.api.v1alpha1.Canary;
import io.veroforge.api.v1alpha1.CanaryDecision;
import io.veroforge.api.v1alpha1.CanaryEvaluation;
import io.veroforge.api.v1alpha1.CanaryPhase;
import io.veroforge.api.v1alpha1.CanaryRecommendation;
import io.veroforge.api.v1alpha1.CanaryStatus;
import io.veroforge.api.v1alpha1.Generation;
import io.veroforge.api.v1alpha1.KpiOperator;
import io.veroforge.api.v1alpha1.KpiResult;
import io.veroforge.api.v1alpha1.KpiTrend;

/**
 * Test Canaries (the spec of crds/examples/canary-pest-control.yaml) and the status the Canary reconciler writes, in
 * the shapes CanaryStatuses and EvaluationStatus write it. The operator does not run in the console's test JVM.
 */
public final class Canaries {
    private static final Path EXAMPLE = Path.of("../crds/examples/canary-pest-control.yaml");

    private Canaries() {
    }

    /** A Canary of {@code app} as the operator creates one per Generation (named and labelled after it). */
    public static Canary ensureRollout(String namespace, String app, String generation) {
        return ensure(namespace, app, generation, Map.of(Generation.APPSPEC_LABEL, app, Generation.GENERATION_LABEL, generation));
    }

    /** The example as the app's template (no Generation label): it drives nothing. */
    public static Canary ensureTemplate(String namespace, String app, String name) {
        return ensure(namespace, app, name, Map.of());
    }

    private static Canary ensure(String namespace, String app, String name, Map<String, String> labels) {
        try (KubernetesClient admin = LocalApiResource.admin()) {
            Canary existing = admin.resources(Canary.class).inNamespace(namespace).withName(name).get();
            if (existing != null) {
                return existing;
            }
            Canary canary = example();
            canary.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).withLabels(labels).build());
            canary.getSpec().getTarget().setAppSpec(app);
            return admin.resource(canary).create();
        }
    }

    /** Changes a Canary's status as its reconciler would (read, change, write the status subresource). */
    public static Canary report(String namespace, String name, Consumer<CanaryStatus> change) {
        try (KubernetesClient admin = LocalApiResource.admin()) {
            Canary canary = admin.resources(Canary.class).inNamespace(namespace).withName(name).get();
            CanaryStatus status = canary.getStatus() == null ? new CanaryStatus() : canary.getStatus();
            change.accept(status);
            canary.setStatus(status);
            return admin.resource(canary).updateStatus();
        }
    }

    public static Canary canary(String namespace, String name) {
        try (KubernetesClient admin = LocalApiResource.admin()) {
            return admin.resources(Canary.class).inNamespace(namespace).withName(name).get();
        }
    }

    /**
     * Step 2 of 4 (25%) after the gate promoted step 1 at score 100, then held at 80 while the pause ran, and the
     * last evaluation scored 70: latency over its threshold, worse than the stable baseline.
     */
    public static void progressingAtStepTwo(CanaryStatus status) {
        status.setPhase(CanaryPhase.Progressing);
        status.setCurrentStep(1);
        status.setCurrentWeight(25);
        status.setStableRevision("pest-control-2");
        status.setCanaryRevision("pest-control-3");
        status.setStepStartedAt("2026-12-03T10:05:00Z");
        status.setTotalReplicas(4);
        status.setDecisions(new ArrayList<>(List.of(
                decision("2026-12-03T10:05:00Z", "kpi-gate", CanaryRecommendation.PROMOTE, 0, 10, 100.0,
                        "Healthy: every KPI passed"),
                decision("2026-12-03T10:07:00Z", "kpi-gate", CanaryRecommendation.CONTINUE, 1, 25, 80.0,
                        "PauseNotElapsed: healthy (Healthy); step 1 holds its pause until 2026-12-03T10:15:00Z"))));
        CanaryEvaluation last = new CanaryEvaluation();
        last.setAt("2026-12-03T10:09:00Z");
        last.setScore(70.0);
        last.setPassed(false);
        last.setRecommendation(CanaryRecommendation.CONTINUE);
        last.setConfidence(0.82);
        last.setReason("ScoreBelowPass");
        last.setMessage("latency_p95_ms 512 is not lt 400");
        last.setKpis(List.of(
                result("error_rate", 0.004, 0.005, 0.01, KpiOperator.lt, 50, true, null,
                        "sum(rate(http_requests_total{namespace=\"tenant-acme\",revision=\"pest-control-3\",code=~\"5..\"}[1m]))"
                                + " / sum(rate(http_requests_total{namespace=\"tenant-acme\",revision=\"pest-control-3\"}[1m]))"),
                result("latency_p95_ms", 512.0, 301.0, 400.0, KpiOperator.lt, 30, false, "ThresholdFailed",
                        "histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{namespace=\"tenant-acme\","
                                + "revision=\"pest-control-3\"}[1m]))) * 1000"),
                result("visit_bookings_per_minute", 3.5, 3.1, 0.0, KpiOperator.gt, 20, true, null,
                        "sum(rate(http_requests_total{namespace=\"tenant-acme\",revision=\"pest-control-3\",route=\"/api/service-visits\","
                                + "method=\"POST\",code=~\"2..\"}[1m])) * 60")));
        status.setLastEvaluation(last);
        Map<String, List<Double>> history = new LinkedHashMap<>();
        history.put("error_rate", List.of(0.003, 0.004));
        history.put("latency_p95_ms", List.of(380.0, 512.0));
        history.put("visit_bookings_per_minute", List.of(3.2, 3.5));
        status.setKpiHistory(history);
        status.setConditions(List.of(
                new ConditionBuilder().withType("Ready").withStatus("Unknown").withReason("Progressing")
                        .withMessage("step 2/4 at 25% on pest-control-3").withLastTransitionTime("2026-12-03T10:05:00Z").build(),
                new ConditionBuilder().withType("Analysis").withStatus("False").withReason("ScoreBelowPass")
                        .withMessage("score 70.0: latency_p95_ms 512 is not lt 400").withLastTransitionTime("2026-12-03T10:09:00Z").build()));
    }

    /** What the reconciler records after reading a person's promote at step 2: step 3 at 50%, asked by {@code by}. */
    public static void promotedByHand(CanaryStatus status, String by) {
        List<CanaryDecision> decisions = new ArrayList<>(status.getDecisions());
        decisions.add(decision("2026-12-03T10:10:00Z", by, CanaryRecommendation.PROMOTE, 1, 25, 70.0,
                "promoted by hand (" + Canary.ACTION_ANNOTATION + ")"));
        status.setDecisions(decisions);
        status.setCurrentStep(2);
        status.setCurrentWeight(50);
        status.setStepStartedAt("2026-12-03T10:10:00Z");
    }

    /** Clears the action annotations as the reconciler does before acting on them. */
    public static void clearAction(String namespace, String name) {
        try (KubernetesClient admin = LocalApiResource.admin()) {
            admin.resources(Canary.class).inNamespace(namespace).withName(name).edit(c -> {
                c.getMetadata().getAnnotations().remove(Canary.ACTION_ANNOTATION);
                c.getMetadata().getAnnotations().remove(Canary.ACTOR_ANNOTATION);
                return c;
            });
        }
    }

    private static CanaryDecision decision(String at, String by, CanaryRecommendation what, int step, int weight, Double score,
            String reason) {
        CanaryDecision d = new CanaryDecision();
        d.setAt(at);
        d.setBy(by);
        d.setDecision(what);
        d.setStep(step);
        d.setWeight(weight);
        d.setScore(score);
        d.setReason(reason);
        return d;
    }

    private static KpiResult result(String name, double value, double baseline, double threshold, KpiOperator operator,
            int weight, boolean passed, String reason, String query) {
        KpiResult r = new KpiResult();
        r.setName(name);
        r.setValue(value);
        r.setBaseline(baseline);
        r.setThreshold(threshold);
        r.setOperator(operator);
        r.setWeight(weight);
        r.setPassed(passed);
        r.setReason(reason);
        r.setTrend(passed ? KpiTrend.stable : KpiTrend.degrading);
        r.setSamples(60);
        r.setBaselineSamples(180);
        r.setPValue(passed ? 0.41 : 0.003);
        r.setQuery(query);
        return r;
    }

    public static Canary example() {
        try {
            return Serialization.unmarshal(Files.readString(EXAMPLE), Canary.class);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + EXAMPLE.toAbsolutePath(), e);
        }
    }
}
