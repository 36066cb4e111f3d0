package io.veroforge.operator.canary;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The platform's defaults for Canaries ({@code veroforge.canary.*}). */
@ConfigMapping(prefix = "veroforge.canary")
public interface CanaryConfig {

    /** Prometheus a Canary without {@code spec.metricsProvider.address} queries. */
    @WithDefault("http://prometheus.monitoring:9090")
    String prometheusAddress();

    /**
     * When set, every Canary's queries go here, whatever its {@code spec.metricsProvider.address}: the
     * {@code --local} platform sets it to its simulated provider, since the addresses in the examples name
     * a cluster's Prometheus. Unset in production.
     */
    Optional<String> metricsAddressOverride();

    /**
     * How long one Prometheus request may take. Short on purpose: a reconcile never waits on the
     * metrics provider for longer than this per query (an outage is Unknown, retried next interval).
     */
    @WithDefault("3s")
    Duration queryTimeout();
}
