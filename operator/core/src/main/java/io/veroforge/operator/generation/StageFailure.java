package io.veroforge.operator.generation;

import java.util.Optional;

import io.veroforge.operator.failures.Failure;

/**
 * What a stage's exception means to the run ({@link Failure} says what it means to an SRE): a
 * dependency that is down and something the user fixes outside the Generation are retried with
 * backoff; invalid input stops the run (a Generation's spec never changes, so retrying cannot
 * help); an internal error — a bug — is retried at the longest backoff, so that an operator
 * upgrade that fixes it lets the run carry on, without a hot loop.
 */
record StageFailure(Failure failure) {

    static StageFailure of(Exception e) {
        return new StageFailure(Failure.of(e));
    }

    /** The outcome that stops the run at this failure, or empty when it is retried. */
    Optional<StageOutcome> stops() {
        if (failure instanceof Failure.InvalidInput invalid) {
            return Optional.of(StageOutcome.failed(invalid.reason(), "invalid: " + invalid.message()
                    + " — a Generation's spec never changes; fix the AppSpec so that a new Generation is recorded"));
        }
        return Optional.empty();
    }

    boolean internal() {
        return failure instanceof Failure.Internal;
    }

    String reason() {
        return failure.reason();
    }

    /** The reason and what happened, as the stage's message shows it. */
    String describe() {
        return failure instanceof Failure.Internal internal
                ? internal.reason() + ": " + internal.describe() + " (a bug in the operator; its log has the stack trace)"
                : failure.reason() + ": " + failure.message();
    }
}
