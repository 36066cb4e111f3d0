package io.veroforge.operator.canary;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The platform's defaults for Canaries ({@code veroforge.canary.*}). */
@ConfigMapping(prefix = "veroforge.canary")
public interface CanaryConfig {

    /** Prometheus a Canary without {@code spec.metricsProvider.address} queries. */
    @WithDefault("http://prometheus.monitoring:9090")
    String prometheusAddress();

    /**
     * How long one Prometheus request may take. Short on purpose: a reconcile never waits on the
     * metrics provider for longer than this per query (an outage is Unknown, retried next interval).
     */
    @WithDefault("3s")
    Duration queryTimeout();
}
