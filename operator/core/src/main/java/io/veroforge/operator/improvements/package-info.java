/**
 * How an approved improvement reaches apps: the consumer of {@code veroforge_improvements} commits
 * each one to the improvements overlay, and the overlay is read again (after each commit, and on a
 * slow timer for overlays kept by hand); {@code config.GeneratorParts} then generates with it.
 *
 * <p>May import: {@code config}, {@code telemetry} (its broker settings), the generator's overlay.
 * No reconciler package.
 */
package io.veroforge.operator.improvements;
