package io.veroforge.operator.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import io.veroforge.operator.telemetry.LoggingTelemetrySink;
import io.veroforge.operator.telemetry.TelemetryEvent;

/** Keeps every telemetry event (and still logs it), so tests can check what the pipeline reported. */
@Alternative
@Priority(1)
@ApplicationScoped
public class RecordingTelemetrySink extends LoggingTelemetrySink {
    private final List<TelemetryEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void emit(TelemetryEvent event) {
        events.add(event);
        super.emit(event);
    }

    public List<TelemetryEvent> events() {
        return List.copyOf(events);
    }
}
