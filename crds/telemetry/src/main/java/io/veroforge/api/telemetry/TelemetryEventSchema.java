package io.veroforge.api.telemetry;

import java.io.InputStream;

/**
 * The JSON Schema (draft 07) of a telemetry event, the contract between the operator that emits
 * events and the intelligence engine that consumes them. Shipped in its own dependency-free jar so both sides read
 * the same file.
 */
public final class TelemetryEventSchema {
    public static final String RESOURCE = "/io/veroforge/telemetry/telemetry-event.schema.json";

    private TelemetryEventSchema() {
    }

    public static InputStream open() {
        InputStream in = TelemetryEventSchema.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException(RESOURCE + " is missing from the veroforge-telemetry-contract jar");
        }
        return in;
    }
}
