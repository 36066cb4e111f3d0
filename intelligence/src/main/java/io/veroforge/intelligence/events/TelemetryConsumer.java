package io.veroforge.intelligence.events;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

/**
 * Reads the in-topics in batches and stores them. The batch is acknowledged (its offsets
 * committed) only once it is stored, so a crash replays it and the store's de-duplication keeps
 * each event once. A database outage holds the batch and retries with backoff: consumption pauses
 * instead of losing or skipping events.
 */
@ApplicationScoped
public class TelemetryConsumer {
    private static final Logger LOG = Logger.getLogger(TelemetryConsumer.class);
    private final EventContract contract;
    private final EventStore store;
    private final Counter stored;
    private final Counter duplicates;
    private final Counter rejected;

    public TelemetryConsumer(EventContract contract, EventStore store, MeterRegistry metrics) {
        this.contract = contract;
        this.store = store;
        this.stored = metrics.counter("veroforge_intelligence_events_stored");
        this.duplicates = metrics.counter("veroforge_intelligence_events_duplicate");
        this.rejected = metrics.counter("veroforge_intelligence_events_rejected");
    }

    @Incoming("telemetry")
    public Uni<Void> consume(List<String> payloads) {
        IncomingBatch batch = IncomingBatch.of(payloads, contract);
        return store.storeAll(batch.accepted())
                .call(fresh -> store.rejectAll("kafka", batch.rejected()))
                .invoke(fresh -> {
                    stored.increment(fresh);
                    duplicates.increment(batch.accepted().size() - fresh);
                    rejected.increment(batch.rejected().size());
                })
                .onFailure().invoke(e -> LOG.warnf("storing %d telemetry events failed, retrying: %s", payloads.size(), e.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(500), Duration.ofSeconds(30)).indefinitely()
                .replaceWithVoid();
    }
}
