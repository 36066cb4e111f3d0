/**
 * The operator's configuration ({@code veroforge.*}, {@link io.veroforge.operator.config.PlatformConfig})
 * and the beans made from it (the database provisioner, metrics, the leader election Lease).
 *
 * <p>May import: {@code db} (to build its provisioner). No reconciler package.
 */
package io.veroforge.operator.config;
