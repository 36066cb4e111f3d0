package io.veroforge.operator.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * JOSDK's reconciliation metrics, aggregated per controller and resource kind. QOSDK's default
 * collects one time series per resource name, which grows the operator's memory and the
 * Prometheus scrape with every tenant: with thousands of tenants that is a leak, not insight
 * ({@code veroforge.metrics.per-resource} turns it back on, e.g. for tests counting reconciles).
 */
public class OperatorMetrics {

    @Produces
    @Singleton
    Metrics metrics(MeterRegistry registry, PlatformConfig config) {
        var builder = MicrometerMetrics.newMicrometerMetricsBuilder(registry);
        return config.metrics().perResource() ? builder.collectingMetricsPerResource().build()
                : builder.notCollectingMetricsPerResource().build();
    }
}
