package io.veroforge.intelligence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The consumer against a real broker and a real database: every event stored once although some
 * arrive twice, in the order sent per customer, with the broker stopped and started in the middle
 * of the stream (the producer side of a broker outage is the operator's spool, KafkaTelemetrySinkTest);
 * events breaking the contract kept aside with the reason.
 */
@QuarkusTest
@WithTestResource(Infrastructure.class)
class TelemetryStoreTest {
    private static final String[] TOPICS = {"veroforge_metrics", "veroforge_template_usage", "veroforge_customer_satisfaction"};

    @Test
    void tenThousandEventsAcrossABrokerRestartAreStoredOnceInOrderPerCustomer() throws Exception {
        String template = "order-test-" + UUID.randomUUID().toString().substring(0, 8) + "@1";
        int customers = 8;
        Map<String, List<String>> idsByCustomer = new HashMap<>();
        List<String> resent = new ArrayList<>();
        try (KafkaProducer<String, String> producer = Telemetry.producer()) {
            for (int i = 0; i < 10_000; i++) {
                String customer = Telemetry.customer("order", i % customers);
                String id = UUID.randomUUID().toString();
                String event = Telemetry.event(id, "performance", customer, "\"templateId\":\"" + template
                        + "\",\"stage\":\"Build\",\"generationTime\":" + i + ",\"success\":true,\"metrics\":{}");
                // one topic per customer keeps one partition order per customer, as the operator's key does
                Telemetry.send(producer, TOPICS[(i % customers) % 3], customer, event);
                idsByCustomer.computeIfAbsent(customer, c -> new ArrayList<>()).add(id);
                if (i % 20 == 0) {
                    resent.add(event);
                }
                if (i == 5_000) {
                    // the consumer loses its broker mid-stream and must pick up where it committed
                    producer.flush();
                    Infrastructure.kafka().stopBroker();
                    Thread.sleep(3_000);
                    Infrastructure.kafka().startBroker();
                }
            }
            // at-least-once on the wire: every 20th event arrives a second time
            for (String event : resent) {
                String customer = event.replaceAll(".*\"customerId\":\"([0-9a-f]{32})\".*", "$1");
                Telemetry.send(producer, TOPICS[Integer.parseInt(customer.substring(30), 16) % 3], customer, event);
            }
            producer.flush();
        }
        String stored = "select count(*) from intelligence.telemetry_events where template_id = '" + template + "'";
        Telemetry.awaitUntil(() -> Telemetry.count(stored) >= 10_000, Duration.ofSeconds(120), "10,000 stored events");
        Thread.sleep(1_000);

        assertThat(Telemetry.count(stored)).isEqualTo(10_000);
        for (Map.Entry<String, List<String>> c : idsByCustomer.entrySet()) {
            List<String> inStoreOrder = Telemetry.rows("select id from intelligence.telemetry_events where template_id = '" + template
                    + "' and customer_id = '" + c.getKey() + "' order by seq").stream().map(r -> r.get(0)).toList();
            assertThat(inStoreOrder).as("customer %s in the order sent", c.getKey()).isEqualTo(c.getValue());
        }
    }

    @Test
    void eventsBreakingTheContractAreKeptAsideWithTheReason() throws Exception {
        String marker = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = Telemetry.producer()) {
            Telemetry.send(producer, "veroforge_metrics", "x", "not json " + marker);
            Telemetry.send(producer, "veroforge_metrics", "x", "{\"id\":\"" + marker + "\",\"type\":\"generation\"}");
            Telemetry.send(producer, "veroforge_metrics", "x", Telemetry.event(UUID.randomUUID().toString(), "generation",
                    "Acme Corp", "\"templateId\":\"x@1\",\"generationTime\":1,\"success\":true,\"metrics\":{}, \"marker\":\"" + marker + "\""));
            producer.flush();
        }
        String rejected = "select reason from intelligence.rejected_events where payload like '%" + marker + "%' order by id";
        Telemetry.awaitUntil(() -> Telemetry.rows(rejected).size() == 3, Duration.ofSeconds(60), "3 rejected events");

        List<String> reasons = Telemetry.rows(rejected).stream().map(r -> r.get(0)).toList();
        assertThat(reasons.get(0)).startsWith("not JSON");
        assertThat(reasons.get(1)).contains("required").contains("customerId");
        assertThat(reasons.get(2)).contains("customerId").contains("marker");
        assertThat(Telemetry.count("select count(*) from intelligence.telemetry_events where customer_id = 'Acme Corp'")).isZero();
    }
}
