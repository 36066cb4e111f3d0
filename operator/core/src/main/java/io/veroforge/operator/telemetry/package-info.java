/**
 * Telemetry events the operator emits ({@link io.veroforge.operator.telemetry.TelemetrySink}); a Kafka sink
 * goes here beside the logging one. Emitting never blocks or fails a reconcile.
 *
 * <p>May import: the API model (its telemetry event schema). No reconciler package.
 */
package io.veroforge.operator.telemetry;
