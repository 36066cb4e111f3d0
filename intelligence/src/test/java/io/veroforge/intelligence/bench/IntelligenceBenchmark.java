package io.veroforge.intelligence.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.veroforge.intelligence.Infrastructure;
import io.veroforge.intelligence.Telemetry;
import io.veroforge.intelligence.events.EventStore;
import io.veroforge.intelligence.events.StoredEvent;
import io.veroforge.intelligence.patterns.PatternDetector;

/**
 * Ingest throughput (the store alone, and Kafka → store) and the pattern job over 1,000,000 stored
 * events. Not part of the default suite: {@code ./mvnw -B verify -pl intelligence -Pbench-intelligence}.
 * Prints one line per figure; docs/benchmarks.md keeps them.
 */
@QuarkusTest
@WithTestResource(Infrastructure.class)
class IntelligenceBenchmark {
    private static final int BATCH = 2_000;
    @Inject
    EventStore store;
    @Inject
    PatternDetector detector;

    @Test
    void ingestAndDetection() throws Throwable {
        // 1. the store alone: batches as the consumer hands them over
        int storeEvents = Integer.getInteger("bench.store-events", 400_000);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        long started = System.nanoTime();
        for (int done = 0; done < storeEvents; done += BATCH) {
            List<StoredEvent> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < BATCH; i++) {
                int n = done + i;
                batch.add(new StoredEvent(UUID.randomUUID(), "performance", customer(n % 500), now, "bench@1", "Build", true, null, n % 5_000,
                        null, null, null, null, null, "{}"));
            }
            store.storeAll(batch).await().atMost(Duration.ofSeconds(60));
        }
        double storeSeconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("BENCH store: %,d events in %.2f s = %,.0f events/s (batches of %,d)%n", storeEvents, storeSeconds,
                storeEvents / storeSeconds, BATCH);

        // 2. through the broker: produce, then time until the consumer has stored them all
        int kafkaEvents = Integer.getInteger("bench.kafka-events", 200_000);
        String template = "kafka-bench@1";
        started = System.nanoTime();
        try (KafkaProducer<String, String> producer = Telemetry.producer()) {
            for (int n = 0; n < kafkaEvents; n++) {
                String c = customer(n % 500);
                Telemetry.send(producer, "veroforge_metrics", c, Telemetry.event(UUID.randomUUID().toString(), "performance", c,
                        "\"templateId\":\"" + template + "\",\"stage\":\"Build\",\"generationTime\":" + n + ",\"success\":true,\"metrics\":{}"));
            }
            producer.flush();
        }
        String stored = "select count(*) from intelligence.telemetry_events where template_id = '" + template + "'";
        Telemetry.awaitUntil(() -> Telemetry.count(stored) >= kafkaEvents, Duration.ofMinutes(10), "all Kafka events stored");
        double kafkaSeconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("BENCH kafka→store: %,d events in %.2f s = %,.0f events/s (produce + consume + validate + store)%n",
                kafkaEvents, kafkaSeconds, kafkaEvents / kafkaSeconds);

        // 3. the pattern job over 1,000,000 stored events (topped up with SQL: edits, failures, runs)
        long have = Telemetry.count("select count(*) from intelligence.telemetry_events");
        long missing = Math.max(0, 1_000_000 - have);
        Telemetry.execute("""
                insert into intelligence.telemetry_events (id, type, customer_id, occurred_at, template_id, stage, success, error,
                    generation_time_ms, edit_kind, edit_ontology_type, edit_field_type, edit_optional, metrics)
                select gen_random_uuid(), case when g % 4 = 0 then 'customer_edit' when g % 4 = 1 then 'performance' else 'generation' end,
                    lpad(to_hex(g % 2000), 32, '0'), now() - (g % 1000) * interval '1 minute', 'bench@1', 'Build',
                    g % 7 <> 0, case when g % 7 = 0 then 'BuildFailed' end, g % 200000,
                    case when g % 4 = 0 then 'added_field' end, case when g % 4 = 0 then 'Type' || (g % 40) end,
                    case when g % 4 = 0 then 'date' end, case when g % 4 = 0 then true end,
                    jsonb_build_object('securityFindings', g % 3)
                from generate_series(1, MISSING) g
                """.replace("MISSING", Long.toString(missing)));
        long total = Telemetry.count("select count(*) from intelligence.telemetry_events");
        Telemetry.execute("analyze intelligence.telemetry_events");
        started = System.nanoTime();
        // Panache needs a duplicated Vert.x context, as the scheduler and REST calls give it
        int patterns = io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(() -> detector.detect()).size();
        double detectSeconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("BENCH detect: %,d stored events, %d patterns in %.2f s%n", total, patterns, detectSeconds);
        assertThat(total).isGreaterThanOrEqualTo(1_000_000);
        assertThat(patterns).isPositive();
    }

    private static String customer(int n) {
        return String.format("%032x", n + 1_000_000);
    }
}
