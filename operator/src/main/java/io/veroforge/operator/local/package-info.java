/**
 * The run command's platform: the local Kubernetes API (or a standalone one it attaches to), a
 * PostgreSQL and its claim, the examples applied at start and the summary printed.
 *
 * <p>May import: {@code io.veroforge.localapi} and the operator's beans. Only the entry point
 * ({@code VeroForgeMain}) imports this package.
 */
package io.veroforge.operator.local;
