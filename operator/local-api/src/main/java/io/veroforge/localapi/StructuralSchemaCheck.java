package io.veroforge.localapi;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Checks a value against a CRD's structural {@code openAPIV3Schema} as kube-apiserver does (type,
 * enum, required, string length and pattern, numeric bounds, list sizes, int-or-string,
 * nullable) and prunes the fields the schema does not declare, unless it says
 * {@code x-kubernetes-preserve-unknown-fields}. apiVersion, kind and metadata at the root are the
 * server's own and never pruned. Errors use the API server's field paths and wording.
 */
final class StructuralSchemaCheck {
    private static final Set<String> ROOT_FIELDS = Set.of("apiVersion", "kind", "metadata");

    /** What was found: the errors, and the paths of the unknown fields removed from the value. */
    record Result(List<FieldError> errors, List<String> pruned) {
    }

    private final List<FieldError> errors = new ArrayList<>();
    private final List<String> pruned = new ArrayList<>();

    private StructuralSchemaCheck() {
    }

    /** Checks {@code object} in place: unknown fields are removed from it. */
    static Result check(JsonNode schema, ObjectNode object) {
        StructuralSchemaCheck check = new StructuralSchemaCheck();
        check.value(schema, object, "");
        return new Result(List.copyOf(check.errors), List.copyOf(check.pruned));
    }

    private void value(JsonNode schema, JsonNode value, String path) {
        if (value.isNull()) {
            if (!schema.path("nullable").asBoolean(false)) {
                errors.add(FieldError.invalid(path, value, path + " in body must be of type " + expected(schema) + ": \"null\""));
            }
            return;
        }
        String type = schema.path("type").asText("");
        if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
            if (!value.isIntegralNumber() && !value.isTextual()) {
                errors.add(FieldError.invalid(path, value, path + " in body must be of type integer-or-string: \"" + typeOf(value) + "\""));
            }
            return;
        }
        if (!type.isEmpty() && !hasType(value, type)) {
            errors.add(FieldError.invalid(path, value, path + " in body must be of type " + type + ": \"" + typeOf(value) + "\""));
            return;
        }
        JsonNode allowed = schema.get("enum");
        if (allowed != null && allowed.isArray() && !contains(allowed, value)) {
            errors.add(FieldError.notSupported(path, value, allowed));
        }
        if (value.isTextual()) {
            text(schema, value, path);
        } else if (value.isNumber()) {
            number(schema, value, path);
        } else if (value.isArray()) {
            list(schema, value, path);
        } else if (value instanceof ObjectNode object) {
            object(schema, object, path);
        }
    }

    private void text(JsonNode schema, JsonNode value, String path) {
        int length = value.asText().codePointCount(0, value.asText().length());
        if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
            errors.add(FieldError.tooLong(path, schema.get("maxLength").asInt()));
        }
        if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
            errors.add(FieldError.invalid(path, value, path + " in body should be at least " + schema.get("minLength").asInt() + " chars long"));
        }
        if (schema.has("pattern")) {
            String pattern = schema.get("pattern").asText();
            try {
                if (!Pattern.compile(pattern).matcher(value.asText()).find()) {
                    errors.add(FieldError.invalid(path, value, path + " in body should match '" + pattern + "'"));
                }
            } catch (PatternSyntaxException e) {
                // a pattern Java cannot compile is not one this check can hold the object to
            }
        }
    }

    private void number(JsonNode schema, JsonNode value, String path) {
        if (schema.has("minimum") && value.doubleValue() < schema.get("minimum").doubleValue()) {
            errors.add(FieldError.invalid(path, value, path + " in body should be greater than or equal to " + bound(schema.get("minimum"))));
        }
        if (schema.has("maximum") && value.doubleValue() > schema.get("maximum").doubleValue()) {
            errors.add(FieldError.invalid(path, value, path + " in body should be less than or equal to " + bound(schema.get("maximum"))));
        }
    }

    private void list(JsonNode schema, JsonNode value, String path) {
        if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
            errors.add(FieldError.tooMany(path, value.size(), schema.get("maxItems").asInt()));
        }
        if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
            errors.add(FieldError.invalid(path, value, path + " in body should have at least " + schema.get("minItems").asInt() + " items"));
        }
        JsonNode items = schema.get("items");
        if (items != null) {
            for (int i = 0; i < value.size(); i++) {
                value(items, value.get(i), path + "[" + i + "]");
            }
        }
    }

    private void object(JsonNode schema, ObjectNode object, String path) {
        JsonNode properties = schema.get("properties");
        JsonNode additional = schema.get("additionalProperties");
        boolean preserveUnknown = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        for (JsonNode required : schema.path("required")) {
            if (!object.has(required.asText())) {
                errors.add(FieldError.required(child(path, required.asText())));
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            if (path.isEmpty() && ROOT_FIELDS.contains(name) && (properties == null || !properties.has(name))) {
                continue;
            }
            if (properties != null && properties.has(name)) {
                value(properties.get(name), field.getValue(), child(path, name));
            } else if (additional != null && additional.isObject()) {
                value(additional, field.getValue(), path + "[" + name + "]");
            } else if (!preserveUnknown && (properties != null || additional == null || !additional.asBoolean(true))) {
                pruned.add(child(path, name));
                it.remove();
            }
        }
    }

    static String typeOf(JsonNode value) {
        if (value.isObject()) {
            return "object";
        } else if (value.isArray()) {
            return "array";
        } else if (value.isTextual()) {
            return "string";
        } else if (value.isIntegralNumber()) {
            return "integer";
        } else if (value.isNumber()) {
            return "number";
        } else if (value.isBoolean()) {
            return "boolean";
        }
        return "null";
    }

    private static boolean hasType(JsonNode value, String type) {
        String actual = typeOf(value);
        return actual.equals(type) || ("number".equals(type) && "integer".equals(actual));
    }

    private static boolean contains(JsonNode allowed, JsonNode value) {
        for (JsonNode candidate : allowed) {
            if (candidate.equals(value) || (candidate.isNumber() && value.isNumber() && candidate.doubleValue() == value.doubleValue())) {
                return true;
            }
        }
        return false;
    }

    private static String expected(JsonNode schema) {
        return schema.path("x-kubernetes-int-or-string").asBoolean(false) ? "integer-or-string" : schema.path("type").asText("object");
    }

    private static String bound(JsonNode bound) {
        return bound.doubleValue() == Math.rint(bound.doubleValue()) ? String.valueOf(bound.longValue()) : bound.asText();
    }

    private static String child(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
