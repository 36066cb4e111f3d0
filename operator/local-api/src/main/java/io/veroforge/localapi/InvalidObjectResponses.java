package io.veroforge.localapi;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.fabric8.mockwebserver.http.MockResponse;

/**
 * The Status responses kube-apiserver sends for an object it refuses, which kubectl turns into
 * {@code The Tenant "acme" is invalid: spec.tier: Unsupported value: ...}: 422 Invalid with one
 * cause per field, and 400 BadRequest for an unknown field under {@code fieldValidation=Strict}.
 */
final class InvalidObjectResponses {
    private final ObjectMapper json;

    InvalidObjectResponses(ObjectMapper json) {
        this.json = json;
    }

    MockResponse invalid(String group, String kind, String name, List<FieldError> errors) {
        String qualifiedKind = group.isEmpty() ? kind : kind + "." + group;
        String causes = errors.size() == 1 ? errors.get(0).message()
                : "[" + String.join(", ", errors.stream().map(FieldError::message).toList()) + "]";
        ObjectNode status = status(422, "Invalid", qualifiedKind + " \"" + name + "\" is invalid: " + causes);
        ObjectNode details = status.putObject("details");
        details.put("name", name).put("group", group).put("kind", kind);
        ArrayNode causeList = details.putArray("causes");
        for (FieldError error : errors) {
            // kube-apiserver names the object itself "<nil>" (a rule at the schema root), and kubectl prints it
            causeList.addObject().put("reason", error.reason()).put("message", error.detail())
                    .put("field", error.field().isEmpty() ? "<nil>" : error.field());
        }
        return response(422, status);
    }

    MockResponse unknownFields(String kind, String version, List<String> fields) {
        String unknown = String.join(", ", fields.stream().map(f -> "unknown field \"" + f + "\"").toList());
        return response(400, status(400, "BadRequest", kind + " in version \"" + version + "\" cannot be handled as a " + kind
                + ": strict decoding error: " + unknown));
    }

    private ObjectNode status(int code, String reason, String message) {
        ObjectNode status = json.createObjectNode();
        status.put("kind", "Status").put("apiVersion", "v1");
        status.putObject("metadata");
        status.put("status", "Failure").put("message", message).put("reason", reason);
        status.put("code", code);
        return status;
    }

    private static MockResponse response(int code, ObjectNode status) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(status.toString());
    }
}
