package io.veroforge.operator.telemetry;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes each event as one JSON line to the log category {@code veroforge.telemetry}: the sink
 * when no broker is configured ({@link TelemetrySinkProducer}); a log shipper can collect them.
 */
public class LoggingTelemetrySink implements TelemetrySink {
    private static final Logger LOG = Logger.getLogger("veroforge.telemetry");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void emit(TelemetryEvent event) {
        try {
            LOG.info(JSON.writeValueAsString(event));
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.debugf(e, "telemetry event dropped: %s", event.type());
        }
    }
}
