package io.veroforge.console.canaries;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.Condition;
import io.veroforge.api.v1alpha1.Canary;
import io.veroforge.api.v1alpha1.CanaryDecision;
import io.veroforge.api.v1alpha1.CanaryEvaluation;
import io.veroforge.api.v1alpha1.CanaryPhase;
import io.veroforge.api.v1alpha1.CanarySpec;
import io.veroforge.api.v1alpha1.CanaryStatus;
import io.veroforge.api.v1alpha1.CanaryStep;
import io.veroforge.api.v1alpha1.Generation;
import io.veroforge.api.v1alpha1.Kpi;
import io.veroforge.api.v1alpha1.KpiResult;

/**
 * What a Canary's page shows, read from the Canary alone: where the rollout is (phase, step, weight, revisions),
 * its steps, the conditions Ready and Analysis, the last evaluation with every KPI against its threshold and
 * baseline, the decision history newest first, the score chart, and whether a person may promote or abort now.
 * Steps are numbered from 1 here; {@code status.currentStep} and {@code decisions[].step} count from 0.
 */
public record CanaryView(String name, String tenant, String app, String generation, boolean template, String phase,
        Integer currentStep, Integer currentWeight, String stableRevision, String canaryRevision, String stepStartedAt,
        int passScore, Line ready, Line analysis, List<Step> steps, Evaluation evaluation, List<KpiRow> kpis,
        List<Decision> decisions, ScoreChart chart, Requested requested, boolean actionable, String notActionable) {

    public record Line(String status, String reason, String message) {
    }

    /** {@code state}: done, current or to come. */
    public record Step(int number, int weight, String pause, String state) {
    }

    public record Evaluation(String at, String score, String recommendation, String confidence, String passed,
            String reason, String message) {
    }

    /** One KPI of the spec, with its result at the last evaluation when there was one. */
    public record KpiRow(String name, String operator, String threshold, int weight, boolean critical, String value,
            String baseline, String samples, String pValue, String verdict, String trend, String reason, String query,
            boolean queryResolved, List<String> recent) {
    }

    /** {@code step} counts from 1. */
    public record Decision(String at, String by, String decision, String step, String weight, String score, String reason) {
    }

    /** A promote or abort written to the annotations that the operator has not read yet. */
    public record Requested(String action, String by) {
    }

    public static CanaryView of(String tenant, String app, Canary canary) {
        CanarySpec spec = canary.getSpec();
        CanaryStatus status = canary.getStatus() == null ? new CanaryStatus() : canary.getStatus();
        Map<String, String> labels = canary.getMetadata().getLabels() == null ? Map.of() : canary.getMetadata().getLabels();
        String generation = labels.getOrDefault(Generation.GENERATION_LABEL, "");
        boolean template = generation.isEmpty();
        String phase = status.getPhase() == null ? "Pending" : status.getPhase().name();
        int passScore = spec.getPassScore() == null ? 80 : spec.getPassScore();
        Requested requested = requested(canary);
        String notActionable = template ? "this Canary is a template: the AppSpec copies it for each rollout, and the copies are promoted or aborted"
                : requested != null ? requested.action() + " was asked by " + requested.by() + "; the operator has not acted on it yet"
                : status.getPhase() != CanaryPhase.Progressing ? "the rollout is " + phase
                        + (status.getPhase() == null || status.getPhase() == CanaryPhase.Pending ? " (not started)" : "")
                        + "; only a progressing rollout can be promoted or aborted"
                : "";
        return new CanaryView(canary.getMetadata().getName(), tenant, app, generation, template, phase,
                status.getCurrentStep() == null ? null : status.getCurrentStep() + 1, status.getCurrentWeight(),
                text(status.getStableRevision()), text(status.getCanaryRevision()), text(status.getStepStartedAt()), passScore,
                line(status.condition("Ready")), line(status.condition("Analysis")), steps(spec, status),
                evaluation(status.getLastEvaluation()), kpis(spec, status), decisions(status),
                ScoreChart.of(status, passScore), requested, notActionable.isEmpty(), notActionable);
    }

    private static Requested requested(Canary canary) {
        Map<String, String> annotations = canary.getMetadata().getAnnotations();
        if (annotations == null || annotations.get(Canary.ACTION_ANNOTATION) == null) {
            return null;
        }
        String by = annotations.get(Canary.ACTOR_ANNOTATION);
        return new Requested(annotations.get(Canary.ACTION_ANNOTATION), by == null || by.isBlank() ? "someone" : by);
    }

    private static Line line(Optional<Condition> condition) {
        return condition.map(c -> new Line(text(c.getStatus()), text(c.getReason()), text(c.getMessage())))
                .orElse(new Line("", "", "not reported yet"));
    }

    private static List<Step> steps(CanarySpec spec, CanaryStatus status) {
        List<Step> steps = new ArrayList<>();
        Integer current = status.getCurrentStep();
        boolean promoted = status.getPhase() == CanaryPhase.Promoted;
        for (int i = 0; i < spec.getSteps().size(); i++) {
            CanaryStep step = spec.getSteps().get(i);
            String state = promoted || current != null && i < current ? "done"
                    : current != null && i == current && status.getPhase() == CanaryPhase.Progressing ? "current" : "to come";
            steps.add(new Step(i + 1, step.getWeight() == null ? 0 : step.getWeight(),
                    step.getPause() == null ? "one analysis window (" + spec.getAnalysis().getWindow() + ")" : step.getPause(), state));
        }
        return steps;
    }

    private static Evaluation evaluation(CanaryEvaluation e) {
        if (e == null) {
            return null;
        }
        return new Evaluation(text(e.getAt()), Numbers.shown(e.getScore()),
                e.getRecommendation() == null ? "" : Numbers.spelled(e.getRecommendation()),
                e.getConfidence() == null ? "" : Math.round(e.getConfidence() * 100) + "%",
                e.getPassed() == null ? "no verdict" : e.getPassed() ? "passed" : "failed", text(e.getReason()), text(e.getMessage()));
    }

    private static List<KpiRow> kpis(CanarySpec spec, CanaryStatus status) {
        List<KpiResult> results = status.getLastEvaluation() == null ? List.of() : status.getLastEvaluation().getKpis();
        List<KpiRow> rows = new ArrayList<>();
        for (Kpi kpi : spec.getKpis()) {
            KpiResult r = results.stream().filter(k -> kpi.getName().equals(k.getName())).findFirst().orElse(null);
            List<String> recent = status.getKpiHistory().getOrDefault(kpi.getName(), List.of()).stream().map(Numbers::shown).toList();
            String operator = kpi.getOperator() == null ? "" : kpi.getOperator().name();
            boolean resolved = r != null && r.getQuery() != null;
            String query = resolved ? r.getQuery() : kpi.getQuery() != null ? kpi.getQuery() : "";
            rows.add(new KpiRow(kpi.getName(), operator, Numbers.shown(kpi.getThreshold()),
                    kpi.getWeight() == null ? 0 : kpi.getWeight(), Boolean.TRUE.equals(kpi.getCritical()),
                    r == null ? "" : Numbers.shown(r.getValue()), r == null ? "" : Numbers.shown(r.getBaseline()),
                    r == null || r.getSamples() == null ? "" : r.getSamples() + (r.getBaselineSamples() == null ? "" : " / " + r.getBaselineSamples()),
                    r == null ? "" : Numbers.shown(r.getPValue()),
                    r == null ? "not evaluated yet" : r.getPassed() == null ? "no verdict" : r.getPassed() ? "passed" : "failed",
                    r == null || r.getTrend() == null ? "" : r.getTrend().name(), r == null ? "" : text(r.getReason()),
                    query, resolved, recent));
        }
        return rows;
    }

    private static List<Decision> decisions(CanaryStatus status) {
        List<Decision> decisions = new ArrayList<>();
        for (CanaryDecision d : status.getDecisions()) {
            decisions.add(0, new Decision(text(d.getAt()), text(d.getBy()),
                    d.getDecision() == null ? "" : Numbers.spelled(d.getDecision()),
                    d.getStep() == null ? "" : String.valueOf(d.getStep() + 1),
                    d.getWeight() == null ? "" : d.getWeight() + "%", Numbers.shown(d.getScore()), text(d.getReason())));
        }
        return decisions;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
