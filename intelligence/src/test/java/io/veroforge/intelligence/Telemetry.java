package io.veroforge.intelligence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Test side of the wire: events in the contract's shape, a producer, a reader of the out-topics, SQL. */
public final class Telemetry {
    private Telemetry() {
    }

    /** A 32-hex customer id, as the operator derives them, distinct per (test, n). */
    public static String customer(String test, int n) {
        return String.format("%08x", Math.abs(test.hashCode())) + String.format("%024x", n);
    }

    public static String edit(String customerId, String editJson) {
        return event(UUID.randomUUID().toString(), "customer_edit", customerId,
                "\"templateId\":\"nestjs-prisma-react@2026.12.1\",\"generationTime\":0,\"success\":true,\"metrics\":{},\"edit\":" + editJson);
    }

    public static String event(String id, String type, String customerId, String dataFields) {
        return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"timestamp\":\"" + Instant.now() + "\",\"customerId\":\""
                + customerId + "\",\"data\":{" + dataFields + "}}";
    }

    public static KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafka().bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "300000");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        return new KafkaProducer<>(p);
    }

    public static void send(KafkaProducer<String, String> producer, String topic, String customerId, String event) {
        producer.send(new ProducerRecord<>(topic, customerId, event));
    }

    /** Everything on a topic from the beginning, read until {@code quiet} passes with nothing new. */
    public static List<String> readAll(String topic, Duration quiet) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafka().bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(topic));
            Instant lastNew = Instant.now();
            while (Duration.between(lastNew, Instant.now()).compareTo(quiet) < 0) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    values.add(r.value());
                    lastNew = Instant.now();
                }
            }
        }
        return values;
    }

    public static long count(String sql) {
        return rows(sql).isEmpty() ? 0 : Long.parseLong(rows(sql).get(0).get(0));
    }

    /** Rows as strings, for assertions over what the store holds. */
    public static List<List<String>> rows(String sql) {
        try (Connection c = DriverManager.getConnection(Infrastructure.jdbcUrl(), "postgres", "");
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<List<String>> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (Exception e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(Infrastructure.jdbcUrl(), "postgres", ""); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (Exception e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public static void awaitUntil(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            Thread.sleep(100);
        }
    }
}
