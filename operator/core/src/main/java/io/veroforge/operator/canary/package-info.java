/**
 * The Canary reconciler ({@link io.veroforge.operator.canary.CanaryReconciler}, the story) and its parts: the
 * step rules ({@link io.veroforge.operator.canary.NextMove}), the one place status is built
 * ({@link io.veroforge.operator.canary.CanaryStatuses}), the Deployments it drives
 * ({@link io.veroforge.operator.canary.CanaryDeployments}), traffic routers behind
 * {@link io.veroforge.operator.canary.TrafficRouter} (replicas, gatewayApi), person's actions
 * ({@link io.veroforge.operator.canary.ManualAction}), KPI queries ({@link io.veroforge.operator.canary.KpiQueries})
 * and the metrics provider they are sent to ({@link io.veroforge.operator.canary.PrometheusRangeQuery}); the
 * scoring itself is the pure {@code canary.gate} package. See docs/canary.md.
 *
 * <p>May import: {@code canary.gate}, {@code conditions}, {@code events}, {@code config}, {@code delivery}
 * (labels), the CRD model, the Fabric8 Gateway API model. No other reconciler package (ArchitectureTest).
 */
package io.veroforge.operator.canary;
