/**
 * The closed set of failures every reconciler tells apart ({@link io.veroforge.operator.failures.Failure}):
 * a dependency down, invalid input, waiting on something outside, or an internal error (a bug), and
 * the counter of the last ({@link io.veroforge.operator.failures.InternalErrors}).
 *
 * <p>May import: the exception types of {@code db}, {@code delivery} and the generator's Git layer. No reconciler package.
 */
package io.veroforge.operator.failures;
