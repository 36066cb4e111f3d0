package io.veroforge.operator.delivery;

import io.veroforge.api.v1alpha1.Canary;
import io.veroforge.api.v1alpha1.CanaryDecision;
import io.veroforge.api.v1alpha1.CanaryStatus;

/** Where a release's Canary is, as Verify needs it: still going, promoted, or rolled back (and why). */
public sealed interface CanaryProgress {

    record Progressing(String detail) implements CanaryProgress {
    }

    record Promoted(String detail) implements CanaryProgress {
    }

    record RolledBack(String reason) implements CanaryProgress {
    }

    static CanaryProgress of(Canary canary, String name) {
        if (canary == null) {
            return new RolledBack("Canary " + name + " was deleted before it finished; the stable revision keeps serving");
        }
        CanaryStatus status = canary.getStatus();
        if (status == null || status.getPhase() == null) {
            return new Progressing("Canary " + name + " has not started");
        }
        String last = status.getDecisions().isEmpty() ? "" : lastDecision(status);
        return switch (status.getPhase()) {
            case Promoted -> new Promoted("Canary " + name + " promoted " + status.getCanaryRevision() + last);
            case RolledBack -> new RolledBack("Canary " + name + " rolled back " + status.getCanaryRevision() + last);
            case Failed -> new RolledBack("Canary " + name + " cannot run: " + status.getConditions().stream()
                    .filter(c -> "Ready".equals(c.getType())).map(c -> c.getMessage()).findFirst().orElse("see its status"));
            default -> new Progressing("Canary " + name + ": step " + (status.getCurrentStep() == null ? 0 : status.getCurrentStep() + 1)
                    + "/" + canary.getSpec().getSteps().size() + " at " + status.getCurrentWeight() + "%" + last);
        };
    }

    private static String lastDecision(CanaryStatus status) {
        CanaryDecision d = status.getDecisions().get(status.getDecisions().size() - 1);
        return " (last decision by " + d.getBy() + ": " + d.getReason() + ")";
    }
}
