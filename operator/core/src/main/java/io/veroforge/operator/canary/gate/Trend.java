package io.veroforge.operator.canary.gate;

/** How a KPI moved over recent evaluations, relative to passing. */
public enum Trend {
    improving, stable, degrading
}
