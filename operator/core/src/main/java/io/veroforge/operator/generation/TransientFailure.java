package io.veroforge.operator.generation;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.veroforge.generator.git.GitUnavailableException;
import io.veroforge.operator.db.DatabaseUnavailableException;

/** Names what a stage's exception means to an SRE: which dependency is unreachable, in a reason and a message. */
final class TransientFailure {
    private TransientFailure() {
    }

    static String reason(Exception e) {
        if (e instanceof GitUnavailableException) {
            return "GitUnavailable";
        }
        if (e instanceof DatabaseUnavailableException) {
            return "DatabaseUnavailable";
        }
        if (e instanceof KubernetesClientException) {
            return "KubernetesApiError";
        }
        return "StageError";
    }

    static String describe(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return reason(e) + ": " + message;
    }
}
