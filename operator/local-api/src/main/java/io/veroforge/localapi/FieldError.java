package io.veroforge.localapi;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One reason kube-apiserver refuses an object, in its own words: the field path
 * ({@code spec.owners[0].kind}), the cause reason of {@code details.causes} and the message
 * kubectl prints after the path (e.g. {@code Unsupported value: "gold": supported values: ...}).
 */
record FieldError(String field, String reason, String detail) {

    static FieldError required(String field) {
        return new FieldError(field, "FieldValueRequired", "Required value");
    }

    static FieldError notSupported(String field, JsonNode value, JsonNode supported) {
        StringBuilder values = new StringBuilder();
        supported.forEach(v -> values.append(values.length() == 0 ? "" : ", ").append(v.toString()));
        return new FieldError(field, "FieldValueNotSupported",
                "Unsupported value: " + value.toString() + ": supported values: " + values);
    }

    /** {@code Invalid value: <value>: <why>}; objects and lists are shown by their type, as the API server does. */
    static FieldError invalid(String field, JsonNode value, String why) {
        return new FieldError(field, "FieldValueInvalid", "Invalid value: " + shown(value) + ": " + why);
    }

    static FieldError tooLong(String field, int max) {
        return new FieldError(field, "FieldValueTooLong", "Too long: may not be longer than " + max);
    }

    static FieldError tooMany(String field, int count, int max) {
        return new FieldError(field, "FieldValueTooMany", "Too many: " + count + ": must have at most " + max + " items");
    }

    /** What kubectl prints for it: {@code spec.tier: Unsupported value: ...}; the root is {@code <nil>}. */
    String message() {
        return (field.isEmpty() ? "<nil>" : field) + ": " + detail;
    }

    static String shown(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "\"null\"";
        }
        return value.isContainerNode() ? "\"" + StructuralSchemaCheck.typeOf(value) + "\"" : value.toString();
    }
}
