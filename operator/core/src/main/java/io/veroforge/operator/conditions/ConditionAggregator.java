package io.veroforge.operator.conditions;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;

/**
 * Turns outcomes into {@code metav1.Condition}s the one way every VeroForge status does it:
 * each condition is stamped with the observed generation, and {@code lastTransitionTime} is
 * carried forward unless the status value changed, so that an SRE can tell how long something
 * has been failing and a status patch is only needed when something really changed.
 */
public final class ConditionAggregator {
    private final Clock clock;

    public ConditionAggregator(Clock clock) {
        this.clock = clock;
    }

    public ConditionAggregator() {
        this(Clock.systemUTC());
    }

    /** The new condition list, in the order of {@code outcomes}. */
    public List<Condition> aggregate(List<Condition> previous, List<ConditionOutcome> outcomes, Long observedGeneration) {
        String now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
        List<Condition> result = new ArrayList<>(outcomes.size());
        for (ConditionOutcome outcome : outcomes) {
            Condition before = find(previous, outcome.type());
            boolean unchanged = before != null && Objects.equals(before.getStatus(), outcome.status());
            result.add(new ConditionBuilder()
                    .withType(outcome.type())
                    .withStatus(outcome.status())
                    .withReason(outcome.reason())
                    .withMessage(outcome.message())
                    .withObservedGeneration(observedGeneration)
                    .withLastTransitionTime(unchanged && before.getLastTransitionTime() != null ? before.getLastTransitionTime() : now)
                    .build());
        }
        return result;
    }

    /**
     * Conditions that are False now and were not False with the same reason before: the moments
     * that deserve a Warning event (once, not on every retry).
     */
    public static List<Condition> newlyFailed(List<Condition> previous, List<Condition> current) {
        List<Condition> failed = new ArrayList<>();
        for (Condition c : current) {
            if (!"False".equals(c.getStatus())) {
                continue;
            }
            Condition before = find(previous, c.getType());
            if (before == null || !"False".equals(before.getStatus()) || !Objects.equals(before.getReason(), c.getReason())) {
                failed.add(c);
            }
        }
        return failed;
    }

    public static Condition find(List<Condition> conditions, String type) {
        if (conditions == null) {
            return null;
        }
        return conditions.stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
    }
}
