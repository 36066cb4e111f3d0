/**
 * The operator's configuration ({@code veroforge.*}, {@link io.veroforge.operator.config.PlatformConfig},
 * {@code veroforge.ai.*}, {@link io.veroforge.operator.config.AiConfig}) and the beans made from it (the
 * database provisioner, the generator's parts with the platform's gap filling, metrics, the leader
 * election Lease).
 *
 * <p>May import: {@code db} (to build its provisioner and the fill cache), the generator. No reconciler package.
 */
package io.veroforge.operator.config;
