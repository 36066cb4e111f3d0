package io.veroforge.operator.conditions;

/**
 * What a reconciler concluded about one aspect of a resource, before it becomes a
 * {@code metav1.Condition}: the caller decides status, reason and message; stamping and
 * transition times are {@link ConditionAggregator}'s job.
 */
public record ConditionOutcome(String type, boolean ok, String reason, String message) {

    public static ConditionOutcome met(String type, String reason, String message) {
        return new ConditionOutcome(type, true, reason, message);
    }

    public static ConditionOutcome failed(String type, String reason, String message) {
        return new ConditionOutcome(type, false, reason, message);
    }

    public String status() {
        return ok ? "True" : "False";
    }
}
