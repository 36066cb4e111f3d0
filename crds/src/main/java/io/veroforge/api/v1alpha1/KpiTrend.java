package io.veroforge.api.v1alpha1;

/** How a KPI moved since the previous evaluation, relative to passing. */
public enum KpiTrend {
    improving, stable, degrading
}
