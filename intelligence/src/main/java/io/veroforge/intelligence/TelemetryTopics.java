package io.veroforge.intelligence;

import java.util.List;

/**
 * The Kafka topics of the telemetry flow (see ARCHITECTURE.md, "Runtime data stores"): what the
 * intelligence engine reads from generations and apps, and what it publishes back. One place, so
 * consumers, producers and the info endpoint cannot disagree.
 */
public final class TelemetryTopics {
    /** Runtime and generation metrics of every app. */
    public static final String METRICS = "veroforge_metrics";
    /** Which templates each generation used, and how much AI gap filling they needed. */
    public static final String TEMPLATE_USAGE = "veroforge_template_usage";
    /** Customer satisfaction signals from the console and the apps. */
    public static final String CUSTOMER_SATISFACTION = "veroforge_customer_satisfaction";
    /** Cross-tenant patterns the engine detected. */
    public static final String PATTERNS = "veroforge_patterns";
    /** Proposed template improvements, on their way to governance. */
    public static final String IMPROVEMENTS = "veroforge_improvements";

    public static final List<String> CONSUMED = List.of(METRICS, TEMPLATE_USAGE, CUSTOMER_SATISFACTION);
    public static final List<String> PRODUCED = List.of(PATTERNS, IMPROVEMENTS);

    private TelemetryTopics() {
    }
}
