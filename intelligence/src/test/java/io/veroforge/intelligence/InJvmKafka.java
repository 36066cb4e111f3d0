package io.veroforge.intelligence;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import kafka.server.BrokerServer;

/**
 * A real single-broker Kafka (KRaft, one controller) inside the test JVM. The 4.1 test kit binds its
 * listeners itself (pre-bound sockets) and keeps a node's port across a restart, so clients find a
 * stopped and started broker where they left it. Internal topics have replication factor 1.
 */
public final class InJvmKafka implements AutoCloseable {
    private static final int BROKER_ID = 0;
    private final KafkaClusterTestKit cluster;
    private final String bootstrapServers;
    private boolean running;

    public InJvmKafka() throws Exception {
        TestKitNodes nodes = new TestKitNodes.Builder()
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .setCombined(false)
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
        bootstrapServers = cluster.bootstrapServers();
    }

    public String bootstrapServers() {
        return bootstrapServers;
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

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
