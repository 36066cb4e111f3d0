package io.veroforge.operator.generation;

import java.util.Optional;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.veroforge.generator.git.GitUnavailableException;
import io.veroforge.operator.db.DatabaseUnavailableException;
import io.veroforge.operator.delivery.DeliveryException;

/**
 * What a stage's exception means, to the run and to an SRE: which dependency is unreachable (retried
 * with backoff), invalid input (the run stops: a Generation's spec never changes, so
 * retrying cannot help), or a bug (an {@link Kind#INTERNAL} error, retried a few times, then the run
 * stops) — so "the database is down", "the spec is wrong" and "we have a bug" are told apart.
 */
record StageFailure(Kind kind, String reason, String message) {

    enum Kind {
        /** A dependency did not answer (Git, PostgreSQL, the API server): retried with backoff until it does. */
        UNAVAILABLE,
        /** Something the user can fix outside the Generation (a Secret, an annotation): retried with backoff. */
        DELIVERY,
        /**
         * What this Generation asks for is invalid: the API server refused it (400, 422), or a stage
         * found it so ({@link IllegalArgumentException}, e.g. an app name that is not a DNS label).
         * The run stops.
         */
        INVALID_INPUT,
        /** An exception nobody expected: a bug in the operator. */
        INTERNAL
    }

    static StageFailure of(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        if (e instanceof GitUnavailableException) {
            return new StageFailure(Kind.UNAVAILABLE, "GitUnavailable", message);
        }
        if (e instanceof DatabaseUnavailableException) {
            return new StageFailure(Kind.UNAVAILABLE, "DatabaseUnavailable", message);
        }
        if (e instanceof KubernetesClientException k) {
            boolean invalid = k.getCode() == 400 || k.getCode() == 422;
            return new StageFailure(invalid ? Kind.INVALID_INPUT : Kind.UNAVAILABLE, invalid ? "InvalidInput" : "KubernetesApiError", message);
        }
        if (e instanceof IllegalArgumentException) {
            return new StageFailure(Kind.INVALID_INPUT, "InvalidInput", message);
        }
        if (e instanceof DeliveryException) {
            return new StageFailure(Kind.DELIVERY, "StageError", message);
        }
        return new StageFailure(Kind.INTERNAL, "InternalError", e.getClass().getSimpleName() + ": " + message);
    }

    /** Internal errors in a row after which the run stops: retrying a bug only repeats it. */
    static final int INTERNAL_ATTEMPTS = 5;

    /**
     * The outcome that stops the run at this failure ({@code attempt}: 1 for the first in a row), or
     * empty when it is retried with backoff.
     */
    Optional<StageOutcome> stops(int attempt) {
        return switch (kind) {
            case INVALID_INPUT -> Optional.of(StageOutcome.failed(reason, "invalid: " + message
                    + " — a Generation's spec never changes; fix the AppSpec so that a new Generation is recorded"));
            case INTERNAL -> attempt < INTERNAL_ATTEMPTS ? Optional.empty()
                    : Optional.of(StageOutcome.failed(reason, "failed " + attempt + " times in a row with " + message
                            + " — a bug in the operator (its log has the stack trace); delete this Generation to start over once it is fixed"));
            default -> Optional.empty();
        };
    }

    /** The reason and what happened, as the stage's message shows it. */
    String describe() {
        return reason + ": " + message;
    }
}
