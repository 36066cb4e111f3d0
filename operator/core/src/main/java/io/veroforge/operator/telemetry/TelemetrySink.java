package io.veroforge.operator.telemetry;

/**
 * Where the pipeline's telemetry goes. Emitting never blocks or fails a reconcile: an
 * implementation that cannot deliver keeps or drops the event, it does not throw.
 */
public interface TelemetrySink {
    void emit(TelemetryEvent event);
}
