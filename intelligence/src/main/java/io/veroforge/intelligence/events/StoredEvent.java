package io.veroforge.intelligence.events;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One event as the store keeps it: the contract's fields flattened into columns the pattern
 * queries group by. Read only from an event that passed {@link EventContract}.
 */
public record StoredEvent(UUID id, String type, String customerId, OffsetDateTime occurredAt, String templateId,
        String stage, boolean success, String error, long generationTimeMs, String editKind, String editOntologyType,
        String editFieldType, Boolean editOptional, String editFile, String metricsJson) {

    static StoredEvent of(JsonNode event) {
        JsonNode data = event.path("data");
        JsonNode edit = data.path("edit");
        return new StoredEvent(
                UUID.fromString(event.path("id").asText()),
                event.path("type").asText(),
                event.path("customerId").asText(),
                OffsetDateTime.parse(event.path("timestamp").asText()),
                data.path("templateId").asText(),
                text(data, "stage"),
                data.path("success").asBoolean(),
                text(data, "error"),
                data.path("generationTime").asLong(),
                text(edit, "kind"),
                text(edit, "ontologyType"),
                text(edit, "fieldType"),
                edit.has("optional") ? edit.path("optional").asBoolean() : null,
                text(edit, "file"),
                data.path("metrics").toString());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
