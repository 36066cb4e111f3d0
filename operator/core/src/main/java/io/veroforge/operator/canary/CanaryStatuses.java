package io.veroforge.operator.canary;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.veroforge.api.v1alpha1.Canary;
import io.veroforge.api.v1alpha1.CanaryDecision;
import io.veroforge.api.v1alpha1.CanaryEvaluation;
import io.veroforge.api.v1alpha1.CanaryPhase;
import io.veroforge.api.v1alpha1.CanaryRecommendation;
import io.veroforge.api.v1alpha1.CanaryStatus;
import io.veroforge.operator.canary.gate.GateEvaluation;
import io.veroforge.operator.conditions.ConditionAggregator;
import io.veroforge.operator.conditions.ConditionOutcome;
import io.veroforge.operator.conditions.StatusReporter;

/**
 * The one place Canary status is built: where the rollout is (phase, step, weight, revisions),
 * the last evaluation, the decision history, and the conditions {@code Ready} (True once promoted,
 * False when rolled back or invalid, Unknown while progressing) and {@code Analysis} (the last
 * evaluation passed, failed, or could not tell).
 */
final class CanaryStatuses {
    static final String READY = "Ready";
    static final String ANALYSIS = "Analysis";
    static final String PROGRESSING = "Progressing";
    static final String PROMOTED = "Promoted";
    static final String ROLLED_BACK = "RolledBack";
    static final String INVALID_SPEC = "InvalidSpec";
    static final String WAITING_FOR_DEPLOYMENTS = "WaitingForDeployments";
    static final String NOT_EVALUATED = "NotEvaluatedYet";
    static final String ROUTING_FAILED = "RoutingFailed";
    static final String TEMPLATE = "Template";
    /** Decisions kept; a continue repeating the one before is not recorded again. */
    static final int HISTORY = 50;

    private final StatusReporter<Canary, CanaryStatus> reporter;

    CanaryStatuses(StatusReporter<Canary, CanaryStatus> reporter) {
        this.reporter = reporter;
    }

    /** A copy of what the Canary shows, or a new rollout at step 0 when it shows nothing yet. */
    CanaryStatus current(Canary canary, List<RevisionPair> pairs, Instant now) {
        if (canary.getStatus() != null && canary.getStatus().getPhase() == CanaryPhase.Progressing
                && canary.getStatus().getStepStartedAt() != null) {
            CanaryStatus status = Serialization.clone(canary.getStatus());
            int last = canary.getSpec().getSteps().size() - 1;
            if (status.getCurrentStep() > last) {
                // the spec lost steps mid-rollout: go on from its last one rather than fail on an index
                status.setCurrentStep(last);
                status.setCurrentWeight(canary.getSpec().getSteps().get(last).getWeight());
            }
            return status;
        }
        CanaryStatus status = canary.getStatus() == null ? new CanaryStatus() : Serialization.clone(canary.getStatus());
        status.setPhase(CanaryPhase.Progressing);
        status.setCurrentStep(0);
        status.setCurrentWeight(canary.getSpec().getSteps().get(0).getWeight());
        status.setStepStartedAt(rfc3339(now));
        status.setStableRevision(RevisionPair.revisionOf(pairs.get(0).stable()));
        status.setCanaryRevision(RevisionPair.revisionOf(pairs.get(0).canary()));
        status.setTotalReplicas(Math.max(1, pairs.stream().mapToInt(RevisionPair::stableReplicas).max().orElse(1)));
        return status;
    }

    static CanaryEvaluation evaluated(GateEvaluation e, Instant now) {
        return EvaluationStatus.of(e, now);
    }

    static CanaryEvaluation unknown(String cause, Instant now) {
        CanaryEvaluation evaluation = new CanaryEvaluation();
        evaluation.setAt(rfc3339(now));
        evaluation.setRecommendation(CanaryRecommendation.CONTINUE);
        evaluation.setReason("Unknown");
        evaluation.setMessage(cause);
        return evaluation;
    }

    /** {@code status} after {@code move}, with its conditions; the decision is recorded at the step it was taken. */
    CanaryStatus after(Canary canary, CanaryStatus status, Move move, Instant now) {
        if (move instanceof Move.Wait) {
            return conditioned(canary, status);
        }
        record(status, move, now);
        if (move instanceof Move.Advance a) {
            status.setCurrentStep(a.step());
            status.setCurrentWeight(a.weight());
            status.setStepStartedAt(rfc3339(now));
        } else if (move instanceof Move.Complete) {
            status.setPhase(CanaryPhase.Promoted);
            status.setCurrentWeight(100);
            status.setStableRevision(status.getCanaryRevision());
        } else if (move instanceof Move.Rollback) {
            status.setPhase(CanaryPhase.RolledBack);
            status.setCurrentWeight(0);
        }
        return conditioned(canary, status);
    }

    CanaryStatus invalid(Canary canary, List<String> problems) {
        CanaryStatus status = canary.getStatus() == null ? new CanaryStatus() : Serialization.clone(canary.getStatus());
        status.setPhase(CanaryPhase.Failed);
        return reporter.conditioned(canary, status, List.of(
                ConditionOutcome.failed(READY, INVALID_SPEC, String.join("; ", problems)),
                ConditionOutcome.undecided(ANALYSIS, INVALID_SPEC, "not evaluated: the spec is invalid")));
    }

    CanaryStatus routingFailed(Canary canary, String why) {
        CanaryStatus status = canary.getStatus() == null ? new CanaryStatus() : Serialization.clone(canary.getStatus());
        if (status.getPhase() == null) {
            status.setPhase(CanaryPhase.Pending);
        }
        var analysis = canary.getStatus() == null ? null : ConditionAggregator.find(canary.getStatus().getConditions(), ANALYSIS);
        return reporter.conditioned(canary, status, List.of(
                ConditionOutcome.failed(READY, ROUTING_FAILED, "traffic could not be routed (retrying with backoff): " + why),
                analysis == null ? ConditionOutcome.undecided(ANALYSIS, NOT_EVALUATED, "not evaluated yet") : ConditionOutcome.of(analysis)));
    }

    CanaryStatus template(Canary canary) {
        CanaryStatus status = new CanaryStatus();
        return reporter.conditioned(canary, status, List.of(
                ConditionOutcome.undecided(READY, TEMPLATE, "a template: AppSpec " + canary.getSpec().getTarget().getAppSpec()
                        + " copies it for each canary rollout (spec.rollout.canary.templateRef); the copies drive the rollouts"),
                ConditionOutcome.undecided(ANALYSIS, TEMPLATE, "templates are not evaluated")));
    }

    CanaryStatus waiting(Canary canary, String why) {
        CanaryStatus status = canary.getStatus() == null ? new CanaryStatus() : Serialization.clone(canary.getStatus());
        status.setPhase(CanaryPhase.Pending);
        return reporter.conditioned(canary, status, List.of(
                ConditionOutcome.undecided(READY, WAITING_FOR_DEPLOYMENTS, why),
                ConditionOutcome.undecided(ANALYSIS, NOT_EVALUATED, "the rollout has not started")));
    }

    private CanaryStatus conditioned(Canary canary, CanaryStatus status) {
        int steps = canary.getSpec().getSteps().size();
        ConditionOutcome ready = switch (status.getPhase()) {
            case Promoted -> ConditionOutcome.met(READY, PROMOTED, "revision " + status.getCanaryRevision() + " is stable and serves all traffic");
            case RolledBack -> ConditionOutcome.failed(READY, ROLLED_BACK, "all traffic back on " + status.getStableRevision()
                    + ", canary " + status.getCanaryRevision() + " scaled to zero: " + lastReason(status));
            default -> ConditionOutcome.undecided(READY, PROGRESSING, "step " + (status.getCurrentStep() + 1) + "/" + steps + " at "
                    + status.getCurrentWeight() + "% on " + status.getCanaryRevision());
        };
        CanaryEvaluation e = status.getLastEvaluation();
        ConditionOutcome analysis = e == null ? ConditionOutcome.undecided(ANALYSIS, NOT_EVALUATED, "first evaluation after one interval")
                : e.getPassed() == null || e.getScore() == null
                ? ConditionOutcome.undecided(ANALYSIS, e.getReason(), e.getMessage() == null ? "no data" : e.getMessage())
                : new ConditionOutcome(ANALYSIS, e.getPassed(), e.getReason(), "score " + e.getScore()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        return reporter.conditioned(canary, status, List.of(ready, analysis));
    }

    private static void record(CanaryStatus status, Move move, Instant now) {
        List<CanaryDecision> decisions = new ArrayList<>(status.getDecisions());
        CanaryDecision last = decisions.isEmpty() ? null : decisions.get(decisions.size() - 1);
        CanaryRecommendation what = move instanceof Move.Advance || move instanceof Move.Complete ? CanaryRecommendation.PROMOTE
                : move instanceof Move.Rollback ? CanaryRecommendation.ROLLBACK : CanaryRecommendation.CONTINUE;
        String reason = move instanceof Move.Stay s ? s.code() + ": " + s.reason() : move.reason();
        if (what == CanaryRecommendation.CONTINUE && last != null && last.getDecision() == what
                && code(last.getReason()).equals(code(reason)) && status.getCurrentStep().equals(last.getStep())) {
            return;
        }
        CanaryDecision d = new CanaryDecision();
        d.setAt(rfc3339(now));
        d.setBy(move.by());
        d.setDecision(what);
        d.setStep(status.getCurrentStep());
        d.setWeight(status.getCurrentWeight());
        d.setScore(status.getLastEvaluation() == null ? null : status.getLastEvaluation().getScore());
        d.setReason(reason);
        decisions.add(d);
        status.setDecisions(decisions.subList(Math.max(0, decisions.size() - HISTORY), decisions.size()));
    }

    private static String code(String reason) {
        return reason == null ? "" : reason.split(":", 2)[0];
    }

    private static String lastReason(CanaryStatus status) {
        return status.getDecisions().isEmpty() ? "" : status.getDecisions().get(status.getDecisions().size() - 1).getReason();
    }

    static String rfc3339(Instant now) {
        return now.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
