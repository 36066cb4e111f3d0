package io.veroforge.operator.generation;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Doubling backoff per Generation for transient failures. Kept here rather than in JOSDK's retry
 * because a failing stage must not throw away what earlier stages of the same reconcile recorded:
 * the reconcile records the failure and reschedules itself. In memory: a restart starts over at
 * the initial interval, which is harmless.
 */
final class RetryBackoff {
    private final Duration initial;
    private final Duration max;
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();

    RetryBackoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
    }

    Duration next(String key) {
        int n = failures.merge(key, 1, Integer::sum);
        long millis = initial.toMillis() << Math.min(n - 1, 20);
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }

    boolean firstFailure(String key) {
        return failures.getOrDefault(key, 0) == 1;
    }

    void reset(String key) {
        failures.remove(key);
    }
}
