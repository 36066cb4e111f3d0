package io.veroforge.api.v1alpha1;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.Quantity;

/**
 * Reads a quantity field without judging it. Fabric8's own deserializer throws on a string it
 * cannot split into number and suffix, and one such object makes a whole list or watch fail: the
 * informer stops and the operator no longer sees any object of the kind. An object stored before
 * the schema's pattern existed, or written past validation, must not do that; the value is kept as
 * written and the operator's spec check reports it with the field's path.
 */
public final class LenientQuantity extends JsonDeserializer<Quantity> {

    @Override
    public Quantity deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonNode node = parser.readValueAsTree();
        if (node == null || node.isNull()) {
            return null;
        }
        String written = node.isObject() && node.has("amount")
                ? node.get("amount").asText() + (node.has("format") ? node.get("format").asText() : "")
                : node.asText();
        try {
            return new Quantity(written);
        } catch (IllegalArgumentException unparseable) {
            return new Quantity(written, "");
        }
    }
}
