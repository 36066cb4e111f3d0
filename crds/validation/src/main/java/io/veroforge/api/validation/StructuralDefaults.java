package io.veroforge.api.validation;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Fills in schema defaults the way the API server does before it validates: a missing property with
 * a {@code default} gets it, then the defaults inside it apply too. CEL rules see defaulted objects,
 * so they must be checked against defaulted objects here as well.
 */
public final class StructuralDefaults {
    private StructuralDefaults() {
    }

    public static void apply(JsonNode schema, JsonNode value) {
        if (value instanceof ObjectNode object) {
            JsonNode properties = schema.get("properties");
            if (properties != null) {
                for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> property = it.next();
                    JsonNode propertySchema = property.getValue();
                    if (!object.has(property.getKey()) && propertySchema.has("default")) {
                        object.set(property.getKey(), propertySchema.get("default").deepCopy());
                    }
                    if (object.has(property.getKey())) {
                        apply(propertySchema, object.get(property.getKey()));
                    }
                }
            }
            JsonNode additional = schema.get("additionalProperties");
            if (additional != null && additional.isObject()) {
                object.fields().forEachRemaining(entry -> apply(additional, entry.getValue()));
            }
        } else if (value instanceof ArrayNode array && schema.has("items")) {
            array.forEach(item -> apply(schema.get("items"), item));
        }
    }
}
