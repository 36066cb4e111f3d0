package io.veroforge.operator.conditions;

/**
 * What a reconciler concluded about one aspect of a resource, before it becomes a
 * {@code metav1.Condition}: the caller decides status, reason and message; stamping and
 * transition times are {@link ConditionAggregator}'s job.
 *
 * @param status True, False, or Unknown (not decided yet: a Generation that is still running)
 */
public record ConditionOutcome(String type, String status, String reason, String message) {

    public ConditionOutcome(String type, boolean ok, String reason, String message) {
        this(type, ok ? "True" : "False", reason, message);
    }

    public static ConditionOutcome met(String type, String reason, String message) {
        return new ConditionOutcome(type, true, reason, message);
    }

    public static ConditionOutcome failed(String type, String reason, String message) {
        return new ConditionOutcome(type, false, reason, message);
    }

    public static ConditionOutcome undecided(String type, String reason, String message) {
        return new ConditionOutcome(type, "Unknown", reason, message);
    }

    /** Carries an existing condition over unchanged (status, reason, message). */
    public static ConditionOutcome of(io.fabric8.kubernetes.api.model.Condition c) {
        return new ConditionOutcome(c.getType(), c.getStatus(), c.getReason(), c.getMessage());
    }

    public boolean ok() {
        return "True".equals(status);
    }
}
