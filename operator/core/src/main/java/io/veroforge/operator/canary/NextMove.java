package io.veroforge.operator.canary;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.veroforge.api.v1alpha1.CanarySpec;
import io.veroforge.api.v1alpha1.CanaryStatus;
import io.veroforge.api.v1alpha1.CanaryStep;
import io.veroforge.operator.canary.gate.GateEvaluation;

/**
 * The rollout's rules, without a cluster: when an evaluation is due, and what the gate's
 * recommendation or a person's action means at the current step. A step is promoted only once its
 * pause has passed (default: one analysis window) and the gate says promote; a rollback is taken
 * at the first evaluation that recommends it; no data and an unreachable provider only ever stay.
 */
final class NextMove {
    static final String GATE = "kpi-gate";
    static final String PAUSE_NOT_ELAPSED = "PauseNotElapsed";
    static final String METRICS_UNAVAILABLE = "MetricsUnavailable";

    private NextMove() {
    }

    /** When the next evaluation is due: one interval after the last one, or after the step began. */
    static Instant evaluationDue(CanarySpec spec, CanaryStatus status) {
        String last = status.getLastEvaluation() == null ? null : status.getLastEvaluation().getAt();
        Instant since = Instant.parse(status.getStepStartedAt());
        if (last != null && Instant.parse(last).isAfter(since)) {
            since = Instant.parse(last);
        }
        return since.plus(Durations.parse(spec.getAnalysis().getInterval()));
    }

    static Move afterEvaluation(CanarySpec spec, CanaryStatus status, GateEvaluation e, Instant now) {
        String reasons = String.join("; ", e.reasons().stream().map(r -> r.message()).toList());
        return switch (e.recommendation()) {
            case rollback -> new Move.Rollback(GATE, e.reasonCode() + ": " + reasons);
            case hold -> new Move.Stay(e.reasonCode(), GATE, reasons);
            case promote -> {
                Instant pauseEnds = Instant.parse(status.getStepStartedAt()).plus(pause(spec, status.getCurrentStep()));
                yield now.isBefore(pauseEnds)
                        ? new Move.Stay(PAUSE_NOT_ELAPSED, GATE, "healthy (" + e.reasonCode() + "); step " + status.getCurrentStep()
                                + " holds its pause until " + pauseEnds)
                        : promote(spec, status.getCurrentStep(), GATE, e.reasonCode() + ": " + reasons);
            }
        };
    }

    static Move afterOutage(String cause) {
        return new Move.Stay(METRICS_UNAVAILABLE, GATE, "Unknown: " + cause + "; staying at this step, never a rollback on missing metrics");
    }

    static Move manual(ManualAction action, CanarySpec spec, CanaryStatus status) {
        return switch (action.kind()) {
            case PROMOTE -> promote(spec, status.getCurrentStep(), action.by(), "promoted by hand (" + ManualAction.ACTION + ")");
            case ABORT -> new Move.Rollback(action.by(), "aborted by hand (" + ManualAction.ACTION + ")");
            case INVALID -> new Move.Stay("InvalidAction", action.by(), ManualAction.ACTION + "=" + action.value()
                    + " is neither promote nor abort; ignored");
        };
    }

    private static Move promote(CanarySpec spec, int step, String by, String reason) {
        List<CanaryStep> steps = spec.getSteps();
        if (step + 1 < steps.size()) {
            return new Move.Advance(step + 1, steps.get(step + 1).getWeight(), by, reason);
        }
        return new Move.Complete(by, reason);
    }

    static Duration pause(CanarySpec spec, int step) {
        String pause = spec.getSteps().get(step).getPause();
        return pause == null || pause.isBlank() ? Durations.parse(spec.getAnalysis().getWindow()) : Durations.parse(pause);
    }
}
