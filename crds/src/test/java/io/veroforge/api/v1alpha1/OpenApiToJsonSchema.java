package io.veroforge.api.v1alpha1;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns a CRD's structural openAPIV3Schema into a JSON Schema (draft 7) that rejects what the API
 * server rejects: Kubernetes extensions become their JSON Schema meaning, and objects with declared
 * properties reject unknown fields, as {@code kubectl apply}'s default strict field validation does.
 */
final class OpenApiToJsonSchema {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private OpenApiToJsonSchema() {
    }

    static ObjectNode convert(JsonNode openApiSchema) {
        ObjectNode schema = openApiSchema.deepCopy();
        // the API server knows these root fields itself; CRD schemas usually leave them out
        ObjectNode properties = schema.with("properties");
        if (!properties.has("apiVersion")) {
            properties.putObject("apiVersion").put("type", "string");
        }
        if (!properties.has("kind")) {
            properties.putObject("kind").put("type", "string");
        }
        if (!properties.has("metadata")) {
            properties.putObject("metadata").put("type", "object");
        }
        rewrite(schema);
        schema.put("$schema", "http://json-schema.org/draft-07/schema#");
        return schema;
    }

    private static void rewrite(ObjectNode schema) {
        boolean preserveUnknown = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        boolean intOrString = schema.path("x-kubernetes-int-or-string").asBoolean(false);
        List<String> extensions = new ArrayList<>();
        schema.fieldNames().forEachRemaining(name -> {
            if (name.startsWith("x-kubernetes-")) {
                extensions.add(name);
            }
        });
        schema.remove(extensions);

        if (intOrString && !schema.has("anyOf")) {
            ArrayNode anyOf = schema.putArray("anyOf");
            anyOf.addObject().put("type", "integer");
            anyOf.addObject().put("type", "string");
        }
        if (schema.path("nullable").asBoolean(false) && schema.has("type")) {
            ArrayNode types = JSON.arrayNode().add(schema.get("type").asText()).add("null");
            schema.set("type", types);
        }
        schema.remove("nullable");
        // Kubernetes checks only a few formats, and int32/int64/double are not JSON Schema formats at all
        schema.remove("format");
        if ("object".equals(schema.path("type").asText()) && schema.has("properties")
                && !schema.has("additionalProperties") && !preserveUnknown) {
            schema.put("additionalProperties", false);
        }

        for (String container : List.of("properties", "patternProperties")) {
            if (schema.get(container) instanceof ObjectNode properties) {
                for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext();) {
                    rewriteChild(it.next().getValue());
                }
            }
        }
        rewriteChild(schema.get("items"));
        rewriteChild(schema.get("additionalProperties"));
        rewriteChild(schema.get("not"));
        for (String junctor : List.of("anyOf", "allOf", "oneOf")) {
            if (schema.get(junctor) instanceof ArrayNode branches) {
                branches.forEach(OpenApiToJsonSchema::rewriteChild);
            }
        }
    }

    private static void rewriteChild(JsonNode child) {
        if (child instanceof ObjectNode object) {
            rewrite(object);
        }
    }
}
