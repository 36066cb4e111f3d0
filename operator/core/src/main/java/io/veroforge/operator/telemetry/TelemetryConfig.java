package io.veroforge.operator.telemetry;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where telemetry goes (Helm: {@code telemetry.*}). Without {@code kafka-bootstrap-servers} the
 * operator logs events (category {@code veroforge.telemetry}) and needs no broker.
 */
@ConfigMapping(prefix = "veroforge.telemetry")
public interface TelemetryConfig {

    /** host:port[,host:port]; unset = the logging sink. Env: VEROFORGE_TELEMETRY_KAFKA_BOOTSTRAP_SERVERS. */
    Optional<String> kafkaBootstrapServers();

    /** Further Kafka producer properties (e.g. {@code security.protocol}, {@code sasl.jaas.config}). */
    Map<String, String> kafka();

    /** Events held in memory between a reconcile and the drain thread; past it they are dropped and counted. */
    @WithDefault("10000")
    int queueCapacity();

    /** Directory on the operator's volume where events wait while the broker is down. */
    @WithDefault("/var/lib/veroforge/telemetry-spool")
    String spoolDir();

    /** Events the spool keeps at most; when full the oldest is dropped and counted. */
    @WithDefault("100000")
    int spoolMaxEvents();

    /** How often a down broker is tried again. */
    @WithDefault("2s")
    Duration retryInterval();

    /** How long one send may take before the broker counts as down (Kafka's delivery.timeout.ms). */
    @WithDefault("5s")
    Duration deliveryTimeout();
}
