package io.veroforge.operator.telemetry;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import kafka.server.BrokerServer;

/**
 * A real single-broker Kafka (KRaft, one controller) inside the test JVM, on a fixed port so the
 * broker can be stopped and started again and clients find it where they left it. Internal topics
 * have replication factor 1: there is one broker.
 */
public final class InJvmKafka implements AutoCloseable {
    private static final int BROKER_ID = 0;
    private final KafkaClusterTestKit cluster;
    private final int port;
    private boolean running;

    public InJvmKafka() throws Exception {
        port = freePort();
        TestKitNodes nodes = new TestKitNodes.Builder()
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .setCombined(false)
                .setPerServerProperties(Map.of(BROKER_ID, Map.of("listeners", "EXTERNAL://localhost:" + port)))
                .build();
        cluster = new KafkaClusterTestKit.Builder(nodes)
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
                .setConfigProp("share.coordinator.state.topic.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("num.partitions", "3")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        running = true;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public void stopBroker() {
        if (running) {
            broker().shutdown();
            broker().awaitShutdown();
            running = false;
        }
    }

    public void startBroker() throws Exception {
        if (!running) {
            broker().startup();
            cluster.waitForReadyBrokers();
            running = true;
        }
    }

    private BrokerServer broker() {
        return cluster.brokers().get(BROKER_ID);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
