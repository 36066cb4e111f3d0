package io.veroforge.console.writes;

import java.util.List;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.client.KubernetesClientException;

/** One thing the API server refused, at the field it names (empty when the refusal names none). */
public record FieldProblem(String field, String message) {

    /** The causes of a refusal (422 and its field causes from CRD schema and CEL rules), or its message. */
    public static List<FieldProblem> of(KubernetesClientException refusal) {
        Status status = refusal.getStatus();
        if (status != null && status.getDetails() != null && status.getDetails().getCauses() != null
                && !status.getDetails().getCauses().isEmpty()) {
            return status.getDetails().getCauses().stream().map(FieldProblem::of).toList();
        }
        String message = status != null && status.getMessage() != null ? status.getMessage() : refusal.getMessage();
        return List.of(new FieldProblem("", message));
    }

    private static FieldProblem of(StatusCause cause) {
        return new FieldProblem(cause.getField() == null ? "" : cause.getField(), cause.getMessage());
    }
}
