package io.veroforge.operator.conditions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.fabric8.kubernetes.api.model.Condition;

/**
 * How long a resource that keeps failing for a transient reason (the database is down) waits
 * before its next attempt, read from the status it already shows: as long as its summary
 * condition has been False (since that condition's {@code lastTransitionTime}), at least
 * {@link #MIN} and at most {@link #MAX}. Attempts then come about 1, 2, 4, 8 … s after the
 * failure began, the doubling of JOSDK's retry, but with no memory except the status: a
 * restarted operator carries the backoff on instead of starting again at 1 s, and the reconcile
 * returns an explicit reschedule rather than throwing into JOSDK's retry (which left Tenants
 * unretried in the chaos runs, and logs a stack trace per attempt; docs/reliability.md).
 */
public final class FailureBackoff {
    public static final Duration MIN = Duration.ofSeconds(1);
    public static final Duration MAX = Duration.ofSeconds(60);

    private final Clock clock;

    public FailureBackoff(Clock clock) {
        this.clock = clock;
    }

    public FailureBackoff() {
        this(Clock.systemUTC());
    }

    /**
     * The delay before the next attempt, given the conditions the resource showed before this
     * attempt and the type of its summary condition ({@code Ready}). A summary that was not False
     * (the failure is new) or whose time cannot be read gives {@link #MIN}.
     */
    public Duration next(List<Condition> previous, String summaryType) {
        Condition summary = ConditionAggregator.find(previous, summaryType);
        if (summary == null || !"False".equals(summary.getStatus()) || summary.getLastTransitionTime() == null) {
            return MIN;
        }
        Instant since;
        try {
            since = Instant.parse(summary.getLastTransitionTime());
        } catch (DateTimeParseException unreadable) {
            return MIN;
        }
        Duration failing = Duration.between(since, Instant.now(clock));
        if (failing.compareTo(MIN) < 0) {
            return MIN; // also a clock that stepped back: never zero, never negative
        }
        return failing.compareTo(MAX) > 0 ? MAX : failing;
    }
}
