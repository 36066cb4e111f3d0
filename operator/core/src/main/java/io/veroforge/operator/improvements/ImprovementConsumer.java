package io.veroforge.operator.improvements;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.veroforge.generator.ontology.Ontology;
import io.veroforge.generator.overlay.OverlayRefusedException;
import io.veroforge.generator.overlay.OverlayRepository;
import io.veroforge.operator.config.GeneratorParts;
import io.veroforge.operator.config.ImprovementsConfig;
import io.veroforge.operator.telemetry.TelemetryConfig;

/**
 * Commits each approved improvement of {@code veroforge_improvements} to the overlay repository,
 * on its own thread, then has the generator parts read the overlay again. Offsets are committed
 * only after the overlay commit, so a crash replays the message, and a replay commits nothing new
 * (the overlay is idempotent by proposal id). A message that cannot be applied (malformed, another
 * kind, refused by the overlay's checks) is logged with the reason and passed; a Git failure holds
 * the message and retries with backoff. Off unless the telemetry broker is configured.
 */
@ApplicationScoped
public class ImprovementConsumer {
    static final String TOPIC = "veroforge_improvements";
    private static final Logger LOG = Logger.getLogger(ImprovementConsumer.class);
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

    private final GeneratorParts generator;
    private final ImprovementsConfig improvements;
    private final TelemetryConfig telemetry;
    private final ObjectMapper json = new ObjectMapper();
    private final Counter applied;
    private final Counter skipped;
    private volatile KafkaConsumer<String, String> consumer;
    private volatile boolean running;
    private Thread thread;

    public ImprovementConsumer(GeneratorParts generator, ImprovementsConfig improvements, TelemetryConfig telemetry, MeterRegistry registry) {
        this.generator = generator;
        this.improvements = improvements;
        this.telemetry = telemetry;
        this.applied = Counter.builder("veroforge_improvements_applied_total").description("improvements committed to the overlay")
                .register(registry);
        this.skipped = Counter.builder("veroforge_improvements_skipped_total")
                .description("improvement messages not applied (another kind, malformed, refused by the overlay's checks)").register(registry);
    }

    void start(@Observes StartupEvent ignored) {
        String servers = telemetry.kafkaBootstrapServers().orElse("");
        if (!improvements.consume() || servers.isBlank()) {
            LOG.debugf("not consuming %s: %s", TOPIC, servers.isBlank() ? "no telemetry broker configured" : "improvements.consume is false");
            return;
        }
        Map<String, Object> props = new HashMap<>(telemetry.kafka());
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, improvements.groupId());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "100");
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(TOPIC));
        running = true;
        thread = new Thread(this::run, "veroforge-improvements");
        thread.setDaemon(true);
        thread.start();
        LOG.infof("committing approved improvements of %s to the overlay %s", TOPIC, improvements.overlayDir());
    }

    private void run() {
        Duration backoff = Duration.ofSeconds(1);
        try (KafkaConsumer<String, String> kafka = consumer) {
            while (running) {
                ConsumerRecords<String, String> records = kafka.poll(POLL);
                boolean changed = false;
                try {
                    for (ConsumerRecord<String, String> record : records) {
                        changed |= handle(record.value());
                    }
                    kafka.commitSync();
                    backoff = Duration.ofSeconds(1);
                } catch (RuntimeException e) {
                    LOG.warnf(e, "cannot commit an improvement to the overlay %s; trying again in %s", improvements.overlayDir(), backoff);
                    rewind(kafka, records);
                    sleep(backoff);
                    backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                }
                if (changed) {
                    generator.reloadOverlay();
                }
            }
        } catch (WakeupException e) {
            // close() woke the poll: stopping
        }
    }

    /** @return whether the overlay got a new commit */
    private boolean handle(String value) {
        ImprovementMessage message = ImprovementMessage.parse(json, value);
        if (message instanceof ImprovementMessage.Skip skip) {
            LOG.infof("improvement message not applied: %s", skip.reason());
            skipped.increment();
            return false;
        }
        ImprovementMessage.Apply apply = (ImprovementMessage.Apply) message;
        try (OverlayRepository overlay = OverlayRepository.openOrCreate(Path.of(improvements.overlayDir()))) {
            OverlayRepository.Applied result = overlay.apply(apply.improvement(), Ontology.standard());
            if (result.committed()) {
                applied.increment();
                LOG.infof("improvement proposal %d committed to the overlay as %s", apply.improvement().proposalId(), result.commit());
            }
            return result.committed();
        } catch (OverlayRefusedException e) {
            LOG.errorf("improvement proposal %d not applied: %s", apply.improvement().proposalId(), e.getMessage());
            skipped.increment();
            return false;
        }
    }

    /** Puts each partition back at the batch's first record, so a failed batch is read again (already applied ones commit nothing). */
    private static void rewind(KafkaConsumer<String, String> kafka, ConsumerRecords<String, String> records) {
        for (TopicPartition partition : records.partitions()) {
            kafka.seek(partition, records.records(partition).get(0).offset());
        }
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (thread != null) {
            thread.join(Duration.ofSeconds(10).toMillis());
        }
    }
}
