package io.veroforge.operator.telemetry;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One telemetry event, in the shape the intelligence engine consumes:
 * {@code {type, timestamp, customerId, data: {templateId, generationTime, success, error, metrics}}}.
 * {@code timestamp} is RFC 3339 (UTC). {@code customerId} is an anonymized hash (see {@link CustomerId}), never a tenant's name.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TelemetryEvent(Type type, String timestamp, String customerId, Data data) {

    public enum Type {
        generation, template_usage, deployment, performance
    }

    /**
     * @param templateId     the template pack and revision, e.g. {@code nestjs-prisma-react@2026.11.1}
     * @param generationTime milliseconds the stage (or the whole run) took
     * @param error          why it failed; null on success
     * @param metrics        counts such as entitiesGenerated, apiEndpointsGenerated, uiComponentsGenerated
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Data(String templateId, String stage, long generationTime, boolean success, String error, Map<String, Number> metrics) {
        public Data {
            metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
        }
    }
}
