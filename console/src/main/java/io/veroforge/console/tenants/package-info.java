/**
 * The Tenant pages, their JSON API and live status socket, and the writes (dry-run first) behind them.
 *
 * <p>May import: the API model, {@code io.veroforge.console.access}, {@code io.veroforge.console.writes}, {@code io.veroforge.console.conditions}. Never the generator or the operator.
 */
package io.veroforge.console.tenants;
