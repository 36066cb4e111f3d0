/**
 * The Canary reconciler's parts: KPI queries ({@link io.veroforge.operator.canary.KpiQueries}) and the
 * metrics provider they are sent to ({@link io.veroforge.operator.canary.PrometheusRangeQuery}); the
 * scoring itself is the pure {@code canary.gate} package. See docs/canary.md.
 *
 * <p>May import: {@code canary.gate}, {@code conditions}, {@code events}, {@code config}, {@code delivery}
 * (labels), the CRD model. No other reconciler package (ArchitectureTest).
 */
package io.veroforge.operator.canary;
