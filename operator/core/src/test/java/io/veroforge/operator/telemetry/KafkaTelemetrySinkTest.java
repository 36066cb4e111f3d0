package io.veroforge.operator.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The Kafka sink against a real in-JVM broker: what is emitted while the broker is down waits in
 * the spool and arrives, in order per customer, once it is back; a full spool drops the oldest and
 * says so.
 */
class KafkaTelemetrySinkTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static InJvmKafka kafka;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = new InJvmKafka();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        kafka.close();
    }

    @Test
    void eventsEmittedWhileTheBrokerIsDownArriveInOrderOnceItIsBack(@TempDir Path spoolDir) throws Exception {
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        String[] customers = {"0a".repeat(16), "0b".repeat(16), "0c".repeat(16), "0d".repeat(16)};
        Set<String> ids = new HashSet<>();
        try (KafkaTelemetrySink sink = new KafkaTelemetrySink(settings(spoolDir, 100_000), metrics)) {
            for (int i = 0; i < 2_000; i++) {
                ids.add(emit(sink, customers[i % 4], i));
            }
            awaitUntil(() -> sink.pending() == 0, Duration.ofSeconds(60));
            kafka.stopBroker();
            long started = System.nanoTime();
            for (int i = 2_000; i < 10_000; i++) {
                ids.add(emit(sink, customers[i % 4], i));
            }
            // emitting 8,000 events with the broker gone took no broker round trip
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
            awaitUntil(() -> Files.exists(spoolDir.resolve("events.jsonl")) && sink.pending() >= 8_000 && queuedIsEmpty(metrics), Duration.ofSeconds(60));
            assertThat(metrics.get("veroforge_telemetry_spooled_events").gauge().value()).isGreaterThanOrEqualTo(8_000);
            kafka.startBroker();
            awaitUntil(() -> sink.pending() == 0, Duration.ofSeconds(120));
        }
        Map<String, List<Long>> sequencesByCustomer = new HashMap<>();
        Set<String> received = new HashSet<>();
        for (ConsumerRecord<String, String> record : consumeAll("veroforge_metrics", 10_000, Duration.ofSeconds(60))) {
            JsonNode event = JSON.readTree(record.value());
            if (!ids.contains(event.get("id").asText())) {
                continue; // another test's event
            }
            assertThat(record.key()).isEqualTo(event.get("customerId").asText());
            if (received.add(event.get("id").asText())) {
                sequencesByCustomer.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(event.at("/data/metrics/seq").asLong());
            }
        }
        assertThat(received).hasSize(10_000);
        for (List<Long> sequence : sequencesByCustomer.values()) {
            assertThat(sequence).isSorted().hasSize(2_500);
        }
        assertThat(metrics.get("veroforge_telemetry_dropped_total").counters()).allMatch(c -> c.count() == 0);
    }

    @Test
    void aFullSpoolDropsTheOldestAndCountsIt(@TempDir Path spoolDir) throws Exception {
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        String customer = "0e".repeat(16);
        List<String> ids = new ArrayList<>();
        kafka.stopBroker();
        try (KafkaTelemetrySink sink = new KafkaTelemetrySink(settings(spoolDir, 100), metrics)) {
            for (int i = 0; i < 300; i++) {
                ids.add(emit(sink, customer, i));
            }
            awaitUntil(() -> droppedForSpoolFull(metrics) >= 200, Duration.ofSeconds(60));
            assertThat(metrics.get("veroforge_telemetry_spooled_events").gauge().value()).isEqualTo(100);
            kafka.startBroker();
            awaitUntil(() -> sink.pending() == 0, Duration.ofSeconds(120));
        } finally {
            kafka.startBroker();
        }
        List<Long> sequence = new ArrayList<>();
        long reportedLoss = 0;
        for (ConsumerRecord<String, String> record : consumeAll("veroforge_metrics", 0, Duration.ofSeconds(10))) {
            JsonNode event = JSON.readTree(record.value());
            if (ids.contains(event.get("id").asText())) {
                sequence.add(event.at("/data/metrics/seq").asLong());
            } else if ("telemetry_loss".equals(event.get("type").asText()) && event.at("/data/metrics/dropped").asLong() > 0
                    && Instant.parse(event.get("timestamp").asText()).isAfter(Instant.now().minusSeconds(300))) {
                reportedLoss += event.at("/data/metrics/dropped").asLong();
            }
        }
        // the newest survive, in order; the oldest are gone and the gap is reported
        assertThat(droppedForSpoolFull(metrics)).isGreaterThanOrEqualTo(200);
        assertThat(sequence).isSorted().isNotEmpty().allMatch(s -> s >= 200);
        assertThat(sequence).contains(299L);
        assertThat(reportedLoss).isGreaterThanOrEqualTo(200);
    }

    private static double droppedForSpoolFull(SimpleMeterRegistry metrics) {
        return metrics.get("veroforge_telemetry_dropped_total").tag("reason", "spool_full").counter().count();
    }

    private static boolean queuedIsEmpty(SimpleMeterRegistry metrics) {
        return metrics.get("veroforge_telemetry_queued_events").gauge().value() == 0;
    }

    private static KafkaTelemetrySink.Settings settings(Path spoolDir, int spoolMax) {
        return new KafkaTelemetrySink.Settings(kafka.bootstrapServers(), Map.of(), 20_000, spoolDir, spoolMax, Duration.ofMillis(500),
                Duration.ofSeconds(2));
    }

    private static String emit(KafkaTelemetrySink sink, String customer, long seq) {
        TelemetryEvent event = new TelemetryEvent(TelemetryEvent.Type.performance, Instant.now().toString(), customer,
                new TelemetryEvent.Data("nestjs-prisma-react@test", "Synthesize", 12, true, null, Map.of("seq", seq)));
        sink.emit(event);
        return event.id();
    }

    private static List<ConsumerRecord<String, String>> consumeAll(String topic, int atLeast, Duration patience) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "telemetry-test-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + patience.toNanos();
            int emptyPolls = 0;
            while (System.nanoTime() < deadline && (records.size() < atLeast || emptyPolls < 3)) {
                var batch = consumer.poll(Duration.ofMillis(500));
                batch.forEach(records::add);
                emptyPolls = batch.isEmpty() && !records.isEmpty() ? emptyPolls + 1 : 0;
            }
        }
        return records;
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + patience);
            }
            Thread.sleep(50);
        }
    }
}
