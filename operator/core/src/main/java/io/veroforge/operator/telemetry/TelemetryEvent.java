package io.veroforge.operator.telemetry;

import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One telemetry event, in the shape the intelligence engine consumes:
 * {@code {id, type, timestamp, customerId, data: {templateId, generationTime, success, error, metrics, edit}}}.
 * {@code id} is unique per event, so the consumer stores each exactly once although the wire
 * delivers at least once. {@code timestamp} is RFC 3339 (UTC). {@code customerId} is an anonymized
 * hash (see {@link CustomerId}), never a tenant's name.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TelemetryEvent(String id, Type type, String timestamp, String customerId, Data data) {

    public enum Type {
        generation, template_usage, deployment, performance,
        /** A customization the three-way merge found, described by its structure only. */
        customer_edit,
        /** The sink had to drop older events (spool full); {@code metrics.dropped} says how many. */
        telemetry_loss
    }

    /** An event with a fresh random id. */
    public TelemetryEvent(Type type, String timestamp, String customerId, Data data) {
        this(UUID.randomUUID().toString(), type, timestamp, customerId, data);
    }

    /**
     * @param templateId     the template pack and revision, e.g. {@code nestjs-prisma-react@2026.11.1}
     * @param generationTime milliseconds the stage (or the whole run) took
     * @param error          why it failed; null on success
     * @param metrics        counts such as entitiesGenerated, apiEndpointsGenerated, uiComponentsGenerated
     * @param edit           for {@code customer_edit}: what kind of change, in structural terms
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Data(String templateId, String stage, long generationTime, boolean success, String error, Map<String, Number> metrics, Edit edit) {
        public Data {
            metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
        }

        public Data(String templateId, String stage, long generationTime, boolean success, String error, Map<String, Number> metrics) {
            this(templateId, stage, generationTime, success, error, metrics, null);
        }
    }

    /**
     * A customer's edit as structure, never as content: e.g. {@code {kind: added_field, ontologyType:
     * Appointment, fieldType: date, optional: true}} or {@code {kind: changed_template_file, file:
     * api/src/{entity}/{entity}.service.ts}}. Entity names the customer chose are replaced by
     * {@code {entity}}; values and code never appear.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Edit(String kind, String ontologyType, String fieldType, Boolean optional, String file) {
    }
}
