package io.veroforge.console.conditions;

import java.util.List;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.Condition;

/**
 * A resource's state in one line: {@code Ready} (its top-level condition, Ready or Succeeded, is True and nothing
 * else fails), {@code Not ready} with the reason and message of the first failing condition, or {@code Pending}
 * while the top-level condition is not reported. A resource with no status at all says the operator has not
 * reported on it yet.
 */
public record ConditionLine(String state, String reason, String message) {
    public static final String READY = "Ready";
    public static final String NOT_READY = "Not ready";
    public static final String PENDING = "Pending";

    /** {@code conditions} null: no status yet. */
    public static ConditionLine of(List<Condition> conditions, String topType, String kind) {
        if (conditions == null) {
            return new ConditionLine(PENDING, "NotReconciled", "the operator has not reported on this " + kind + " yet");
        }
        Optional<Condition> failing = conditions.stream().filter(c -> !topType.equals(c.getType()))
                .filter(c -> !"True".equals(c.getStatus())).findFirst();
        Optional<Condition> top = conditions.stream().filter(c -> topType.equals(c.getType())).findFirst();
        if (top.isEmpty()) {
            return failing.map(c -> line(PENDING, c)).orElse(new ConditionLine(PENDING, "", ""));
        }
        if ("True".equals(top.get().getStatus()) && failing.isEmpty()) {
            return line(READY, top.get());
        }
        return line(NOT_READY, failing.orElse(top.get()));
    }

    private static ConditionLine line(String state, Condition condition) {
        return new ConditionLine(state, nullToEmpty(condition.getReason()), nullToEmpty(condition.getMessage()));
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
