package io.veroforge.generator.ai;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Stops calling a provider that keeps failing: after {@code failuresToOpen} consecutive failed
 * attempts the circuit opens and refuses calls for {@code openFor}; then one trial call is let
 * through (half open): success closes it, failure opens it again. Shared by every generation
 * using the provider, hence synchronized. Small on purpose: three states and a counter.
 */
public final class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int failuresToOpen;
    private final Duration openFor;
    private final Clock clock;
    private int consecutiveFailures;
    private Instant openedAt;
    private boolean trialInFlight;
    private String lastFailure = "";

    public CircuitBreaker(int failuresToOpen, Duration openFor, Clock clock) {
        this.failuresToOpen = failuresToOpen;
        this.openFor = openFor;
        this.clock = clock;
    }

    public synchronized State state() {
        if (openedAt == null) {
            return State.CLOSED;
        }
        return clock.instant().isBefore(openedAt.plus(openFor)) ? State.OPEN : State.HALF_OPEN;
    }

    /** Whether a call may go out now; in half-open state only one trial at a time. */
    public synchronized boolean tryAcquire() {
        return switch (state()) {
            case CLOSED -> true;
            case OPEN -> false;
            case HALF_OPEN -> {
                if (trialInFlight) {
                    yield false;
                }
                trialInFlight = true;
                yield true;
            }
        };
    }

    public synchronized void onSuccess() {
        consecutiveFailures = 0;
        openedAt = null;
        trialInFlight = false;
    }

    public synchronized void onFailure(String what) {
        lastFailure = what;
        consecutiveFailures++;
        if (trialInFlight || consecutiveFailures >= failuresToOpen) {
            openedAt = clock.instant();
        }
        trialInFlight = false;
    }

    /** {@code open after 3 consecutive failures (last: HTTP 500), retrying after PT1M}. */
    public synchronized String describe() {
        return state().name().toLowerCase().replace('_', '-') + " after " + consecutiveFailures + " consecutive failure(s) (last: "
                + lastFailure + "), next trial " + (openedAt == null ? "now" : openedAt.plus(openFor));
    }
}
