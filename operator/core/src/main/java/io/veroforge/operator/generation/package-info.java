/**
 * The Generation reconciler: nine recorded stages on a bounded worker pool, resumable after a crash,
 * with backoff that holds and typed failures; the one place the generator's pipeline is wired
 * ({@link io.veroforge.operator.generation.GeneratedCode}).
 *
 * <p>May import: shared machinery ({@code delivery} for builds and deploys), the generator; of the tenant
 * package only {@code TenantConditions} (a Generation waits for its Tenant's DatabaseReady).
 */
package io.veroforge.operator.generation;
