package io.veroforge.operator.telemetry;

/**
 * Which Kafka topic an event type goes to (the topics of ARCHITECTURE.md and docs/intelligence.md):
 * run, stage and deployment results are metrics; template usage and customers' edits tell how
 * templates are used.
 */
final class TelemetryTopic {
    static final String METRICS = "veroforge_metrics";
    static final String TEMPLATE_USAGE = "veroforge_template_usage";

    private TelemetryTopic() {
    }

    static String of(String type) {
        return switch (type) {
            case "template_usage", "customer_edit" -> TEMPLATE_USAGE;
            default -> METRICS;
        };
    }
}
