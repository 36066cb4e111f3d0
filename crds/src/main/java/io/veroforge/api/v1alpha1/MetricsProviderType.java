package io.veroforge.api.v1alpha1;

/** Where KPI values come from. */
public enum MetricsProviderType {
    prometheus
}
