package io.veroforge.operator.failures;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.veroforge.generator.git.GitUnavailableException;
import io.veroforge.operator.db.DatabaseProvisioningException;
import io.veroforge.operator.db.DatabaseUnavailableException;
import io.veroforge.operator.delivery.DeliveryException;

/**
 * What an exception means, the same for every reconciler (as CloudNativePG's controllers tell
 * sentinel errors apart): a dependency that is down is retried with backoff until it answers;
 * input that is invalid is reported and not retried (nothing changes until someone edits it);
 * something outside the operator's hands is waited for; and anything else is an
 * {@link Internal} error — a bug — reported as one, with its exception type, counted
 * ({@code veroforge_internal_errors_total}) and retried at the longest backoff, not in a hot loop
 * and not with the look of an outage.
 */
public sealed interface Failure {

    /** The condition reason (a constant users may match in alerts). */
    String reason();

    /** What happened, in the words the condition and the event show. */
    String message();

    /** A dependency did not answer (Git, PostgreSQL, the API server): retry with backoff until it does. */
    record Unavailable(String reason, String message) implements Failure {
    }

    /** What the resource asks for is invalid (the API server refused it, or a check did): no retry. */
    record InvalidInput(String reason, String message) implements Failure {
    }

    /** Something the user fixes outside the resource (a Secret, an annotation): look again with backoff. */
    record WaitingOnSomething(String reason, String message) implements Failure {
    }

    /** An exception nobody expected: a bug in the operator. */
    record Internal(String exceptionType, String message) implements Failure {
        public static final String REASON = "InternalError";

        @Override
        public String reason() {
            return REASON;
        }

        /** {@code NullPointerException: …}: the type says what kind of bug, the message where. */
        public String describe() {
            return exceptionType + ": " + message;
        }
    }

    static Failure of(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        if (e instanceof GitUnavailableException) {
            return new Unavailable("GitUnavailable", message);
        }
        if (e instanceof DatabaseUnavailableException) {
            return new Unavailable("DatabaseUnavailable", message);
        }
        if (e instanceof DatabaseProvisioningException) {
            // the server answered but refused a step (privileges, a lock not granted): retried like an outage
            return new Unavailable("DatabaseError", message);
        }
        if (e instanceof KubernetesClientException k) {
            return k.getCode() == 400 || k.getCode() == 422
                    ? new InvalidInput("InvalidInput", message)
                    : new Unavailable("KubernetesApiError", message);
        }
        if (e instanceof IllegalArgumentException) {
            // the checks of this codebase throw it naming the field (AppSchemaName, TenantDatabaseNames, …)
            return new InvalidInput("InvalidInput", message);
        }
        if (e instanceof DeliveryException) {
            return new WaitingOnSomething("StageError", message);
        }
        return new Internal(e.getClass().getSimpleName(), message);
    }
}
