package io.veroforge.operator.generation;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Doubling backoff per Generation and stage for failures, with the time before which the stage
 * must not run again. Kept here rather than in JOSDK's retry because a failing stage must not
 * throw away what earlier stages of the same reconcile recorded: the reconcile records the failure
 * and reschedules itself. The not-before time is what makes the backoff hold: the status write
 * recording a failure, a worker's completion, a sibling Generation — any event brings the
 * Generation back at once, and without it the stage would run again at once, in a hot loop.
 *
 * <p>In memory: a restart starts over at the initial interval, which is harmless.
 */
final class RetryBackoff {
    /** A failed stage: how often in a row, what it said, and the earliest time ({@code nanoTime}) to try again. */
    private record Failures(int count, String why, long notBefore) {
    }

    /** A retry not due yet: the time left and what failed. */
    record NotDue(Duration left, String why) {
    }

    private final Duration initial;
    private final Duration max;
    private final LongSupplier nanoTime;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    RetryBackoff(Duration initial, Duration max) {
        this(initial, max, System::nanoTime);
    }

    RetryBackoff(Duration initial, Duration max, LongSupplier nanoTime) {
        this.initial = initial;
        this.max = max;
        this.nanoTime = nanoTime;
    }

    /** Records a failure of {@code key}; the wait before it may run again. */
    Duration failed(String key, String why) {
        Failures previous = failures.get(key);
        int n = previous == null ? 1 : previous.count() + 1;
        long millis = Math.min(initial.toMillis() << Math.min(n - 1, 20), max.toMillis());
        failures.put(key, new Failures(n, why, nanoTime.getAsLong() + Duration.ofMillis(millis).toNanos()));
        return Duration.ofMillis(millis);
    }

    /** Records a failure of {@code key} that waits the longest interval from the first time (a bug, not an outage). */
    Duration failedAtLongest(String key, String why) {
        Failures previous = failures.get(key);
        int n = previous == null ? 1 : previous.count() + 1;
        failures.put(key, new Failures(n, why, nanoTime.getAsLong() + max.toNanos()));
        return max;
    }

    /** Failures of {@code key} in a row (0: none). */
    int failures(String key) {
        Failures f = failures.get(key);
        return f == null ? 0 : f.count();
    }

    /** Present while {@code key} failed and its retry time has not come. */
    Optional<NotDue> notDue(String key) {
        Failures f = failures.get(key);
        if (f == null) {
            return Optional.empty();
        }
        long left = f.notBefore() - nanoTime.getAsLong();
        // Rescheduling for less than a millisecond would round to an immediate reconcile.
        return left > 1_000_000 ? Optional.of(new NotDue(Duration.ofNanos(left), f.why())) : Optional.empty();
    }

    void reset(String key) {
        failures.remove(key);
    }

    /** Forgets every stage of a Generation (it finished or was deleted). */
    void forget(String uid) {
        failures.keySet().removeIf(k -> k.startsWith(uid + "/"));
    }

    static String key(String uid, Object stage) {
        return uid + "/" + stage;
    }
}
