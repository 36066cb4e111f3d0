package io.veroforge.api.v1alpha1;

/** How a KPI's measured value is compared with its threshold to pass. */
public enum KpiOperator {
    /** Passes when value &gt; threshold (e.g. success rate). */
    gt,
    /** Passes when value &lt; threshold (e.g. error rate, latency). */
    lt,
    /** Passes when value equals threshold (e.g. zero failed health checks). */
    eq
}
