package io.veroforge.operator.telemetry;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Sends telemetry to Kafka without ever holding up a reconcile: {@link #emit} only offers the
 * event to a bounded queue; one drain thread sends in batches. When a send fails the broker counts
 * as down and events go, in order, to the {@link TelemetrySpool} on the operator's volume; every
 * {@code retryInterval} the oldest spooled events are tried again, and only once the spool is
 * empty do new events go straight to the broker again, so nothing overtakes what waits. The key is
 * the customer id (order per customer holds on the wire); each event's id lets the consumer
 * store it once although a retried batch may arrive twice.
 */
public final class KafkaTelemetrySink implements TelemetrySink, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(KafkaTelemetrySink.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 500;
    /** customerId of events about the platform itself (the schema wants 32 hex digits). */
    static final String PLATFORM_CUSTOMER = "0".repeat(32);

    /**
     * @param bootstrapServers Kafka's host:port list
     * @param producerProperties further producer properties (security); ours win over none of the ordering ones
     */
    public record Settings(String bootstrapServers, Map<String, String> producerProperties, int queueCapacity, Path spoolDir,
                           int spoolMaxEvents, Duration retryInterval, Duration deliveryTimeout) {
        public Settings {
            if (queueCapacity < 1) {
                throw new IllegalArgumentException("veroforge.telemetry.queue-capacity must be at least 1, got " + queueCapacity);
            }
            producerProperties = producerProperties == null ? Map.of() : Map.copyOf(producerProperties);
        }
    }

    private final Settings settings;
    private final BlockingQueue<TelemetryEvent> queue;
    private final Producer<String, String> producer;
    private final TelemetrySpool spool;
    private final Thread drainer;
    private final Counter sent;
    private final Counter spooled;
    private final Counter droppedFromSpool;
    private final Counter droppedFromQueue;
    private final AtomicLong spoolDepth = new AtomicLong();
    private volatile boolean running = true;
    private boolean brokerUp = true;
    private long nextRetryNanos;
    private long countedDrops;
    private long reportedDrops;

    public KafkaTelemetrySink(Settings settings, MeterRegistry registry) {
        this.settings = settings;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.spool = new TelemetrySpool(settings.spoolDir(), settings.spoolMaxEvents());
        this.producer = new KafkaProducer<>(producerProperties(settings), new StringSerializer(), new StringSerializer());
        this.sent = registry.counter("veroforge_telemetry_sent_total");
        this.spooled = registry.counter("veroforge_telemetry_spooled_total");
        this.droppedFromSpool = Counter.builder("veroforge_telemetry_dropped_total").tag("reason", "spool_full").register(registry);
        this.droppedFromQueue = Counter.builder("veroforge_telemetry_dropped_total").tag("reason", "queue_full").register(registry);
        Gauge.builder("veroforge_telemetry_spooled_events", spoolDepth, AtomicLong::get).register(registry);
        Gauge.builder("veroforge_telemetry_queued_events", queue, BlockingQueue::size).register(registry);
        spoolDepth.set(spool.waiting());
        this.drainer = new Thread(this::drain, "veroforge-telemetry-kafka");
        drainer.setDaemon(true);
        drainer.start();
    }

    private static Properties producerProperties(Settings settings) {
        Properties props = new Properties();
        props.putAll(settings.producerProperties());
        long delivery = Math.max(settings.deliveryTimeout().toMillis(), 1500);
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "veroforge-operator-telemetry");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        // Idempotence keeps one customer's events in order across the producer's own retries.
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        // One producer batch per partition per drained chunk: a partition's share of a chunk
        // arrives or fails as a whole, so a customer's events cannot overtake each other.
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(512 * 1024));
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(delivery - 500));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(delivery));
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(delivery));
        props.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");
        return props;
    }

    @Override
    public void emit(TelemetryEvent event) {
        if (!running || !queue.offer(event)) {
            droppedFromQueue.increment();
        }
    }

    /** Events in memory and on disk that have not reached the broker yet. */
    public long pending() {
        return queue.size() + spoolDepth.get();
    }

    private void drain() {
        List<TelemetryEvent> batch = new ArrayList<>(BATCH);
        while (running) {
            try {
                batch.clear();
                TelemetryEvent first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, BATCH - 1);
                }
                handle(batch);
                if (!spool.isEmpty() && System.nanoTime() - nextRetryNanos >= 0) {
                    sendSpooledChunk();
                }
                reportDrops();
                spoolDepth.set(spool.waiting());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                // Telemetry must not die of one bad event or a full disk; look again after a pause.
                LOG.warnf(e, "telemetry drain failed; retrying in %s", settings.retryInterval());
                sleepQuietly(settings.retryInterval());
            }
        }
    }

    private void handle(List<TelemetryEvent> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<String> lines = new ArrayList<>(batch.size());
        for (TelemetryEvent event : batch) {
            lines.add(toJson(event));
        }
        if (!brokerUp || !spool.isEmpty()) {
            toSpool(lines);
            return;
        }
        int delivered = sendInOrder(lines);
        if (delivered < lines.size()) {
            toSpool(lines.subList(delivered, lines.size()));
        }
    }

    private void sendSpooledChunk() {
        // After a failure one event probes the broker first: a batch sent into a broker that comes
        // back half-way could land its later records before its expired earlier ones.
        List<TelemetrySpool.Entry> entries = spool.peek(brokerUp ? BATCH : 1);
        List<String> lines = entries.stream().map(TelemetrySpool.Entry::line).toList();
        int delivered = sendInOrder(lines);
        if (delivered > 0) {
            spool.commit(entries.get(delivered - 1).end(), delivered);
        }
        if (delivered == lines.size()) {
            if (!brokerUp) {
                LOG.infof("telemetry broker reachable again; sending %d spooled events", spool.waiting());
            }
            brokerUp = true;
        }
    }

    /** Sends the lines and waits for all; returns how many, from the start, the broker acknowledged. */
    private int sendInOrder(List<String> lines) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(lines.size());
        try {
            for (String line : lines) {
                Future<RecordMetadata> ack = producer.send(record(line));
                acks.add(ack);
                if (ack.isDone() && failed(ack)) {
                    break; // no metadata within max.block.ms: the rest would wait as long, each
                }
            }
            producer.flush();
        } catch (RuntimeException e) {
            LOG.debugf(e, "telemetry send failed");
        }
        int delivered = 0;
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get(0, TimeUnit.MILLISECONDS);
                delivered++;
            } catch (Exception e) {
                break;
            }
        }
        sent.increment(delivered);
        if (delivered < lines.size()) {
            markBrokerDown();
        }
        return delivered;
    }

    private static boolean failed(Future<RecordMetadata> ack) {
        try {
            ack.get();
            return false;
        } catch (Exception e) {
            return true;
        }
    }

    private void markBrokerDown() {
        if (brokerUp) {
            LOG.warnf("telemetry broker %s unreachable; keeping events in %s until it is back", settings.bootstrapServers(), settings.spoolDir());
        }
        brokerUp = false;
        nextRetryNanos = System.nanoTime() + settings.retryInterval().toNanos();
    }

    private void toSpool(List<String> lines) {
        for (String line : lines) {
            spool.append(line);
        }
        spooled.increment(lines.size());
        spoolDepth.set(spool.waiting());
    }

    /**
     * Drops are said twice: in the metric at once, and, once the broker is back, as one
     * telemetry_loss event so the consumer knows the gap (spooling it would only push out another).
     */
    private void reportDrops() {
        long dropped = spool.dropped();
        if (dropped > countedDrops) {
            long gap = dropped - countedDrops;
            droppedFromSpool.increment(gap);
            countedDrops = dropped;
            LOG.warnf("telemetry spool full (%d events): dropped the %d oldest", settings.spoolMaxEvents(), gap);
        }
        if (brokerUp && spool.isEmpty() && countedDrops > reportedDrops) {
            TelemetryEvent loss = new TelemetryEvent(TelemetryEvent.Type.telemetry_loss, Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(),
                    PLATFORM_CUSTOMER, new TelemetryEvent.Data("veroforge-operator@telemetry", null, 0, false, "TelemetrySpoolFull",
                            Map.of("dropped", countedDrops - reportedDrops)));
            if (sendInOrder(List.of(toJson(loss))) == 1) {
                reportedDrops = countedDrops;
            }
        }
    }

    private ProducerRecord<String, String> record(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            return new ProducerRecord<>(TelemetryTopic.of(node.path("type").asText()), node.path("customerId").asText(), line);
        } catch (Exception e) {
            throw new IllegalStateException("unreadable spooled telemetry line", e);
        }
    }

    private static String toJson(TelemetryEvent event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (Exception e) {
            throw new IllegalStateException("telemetry event not serializable: " + event.type(), e);
        }
    }

    private static void sleepQuietly(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the drain thread; what has not reached the broker is kept in the spool for the next start. */
    @Override
    public void close() {
        running = false;
        try {
            drainer.join(Math.max(settings.deliveryTimeout().toMillis() * 2, 5000));
            if (drainer.isAlive()) {
                drainer.interrupt();
                drainer.join(2000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (drainer.isAlive()) {
            LOG.warnf("telemetry drain thread did not stop; %d queued events not spooled", queue.size());
            producer.close(Duration.ZERO);
            return;
        }
        List<TelemetryEvent> rest = new ArrayList<>();
        queue.drainTo(rest);
        if (!rest.isEmpty()) {
            toSpool(rest.stream().map(KafkaTelemetrySink::toJson).toList());
        }
        producer.close(Duration.ofSeconds(2));
        spool.close();
    }
}
