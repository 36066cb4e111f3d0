/**
 * The Tenant reconciler: spec checks, the namespace workflow (quota, limits, isolation, owner access,
 * credentials, the enterprise cluster), the database step, status, deletion by policy.
 *
 * <p>May import: shared machinery ({@code conditions}, {@code config}, {@code db}, {@code events},
 * {@code failures}, {@code platform}, {@code secrets}). No other reconciler package (ArchitectureTest).
 */
package io.veroforge.operator.tenant;
