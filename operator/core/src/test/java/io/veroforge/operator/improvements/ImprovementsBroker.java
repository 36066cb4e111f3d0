package io.veroforge.operator.improvements;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.veroforge.operator.telemetry.InJvmKafka;

/** A real in-JVM broker and an empty overlay directory for the operator under test. */
public class ImprovementsBroker implements QuarkusTestResourceLifecycleManager {
    static InJvmKafka kafka;
    static Path overlay;

    @Override
    public Map<String, String> start() {
        try {
            kafka = new InJvmKafka();
            Path root = Files.createTempDirectory("improvements");
            overlay = root.resolve("overlay");
            return Map.of("veroforge.telemetry.kafka-bootstrap-servers", kafka.bootstrapServers(),
                    "veroforge.telemetry.spool-dir", root.resolve("spool").toString(),
                    "veroforge.improvements.overlay-dir", overlay.toString(),
                    "veroforge.improvements.group-id", "operator-under-test");
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the in-JVM Kafka broker", e);
        }
    }

    @Override
    public void stop() {
        try {
            if (kafka != null) {
                kafka.close();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
