package io.veroforge.operator.telemetry;

import java.nio.file.Path;

import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.DefaultBean;

/** Picks the sink: Kafka when a broker is configured, the log otherwise. */
public class TelemetrySinkProducer {

    @Produces
    @Singleton
    @DefaultBean
    TelemetrySink sink(TelemetryConfig config, MeterRegistry registry) {
        if (config.kafkaBootstrapServers().isEmpty() || config.kafkaBootstrapServers().get().isBlank()) {
            return new LoggingTelemetrySink();
        }
        return new KafkaTelemetrySink(new KafkaTelemetrySink.Settings(config.kafkaBootstrapServers().get(), config.kafka(),
                config.queueCapacity(), Path.of(config.spoolDir()), config.spoolMaxEvents(), config.retryInterval(), config.deliveryTimeout()),
                registry);
    }

    void close(@Disposes TelemetrySink sink) {
        if (sink instanceof KafkaTelemetrySink kafka) {
            kafka.close();
        }
    }
}
