/**
 * PostgreSQL for tenants and apps: names, roles, schemas and databases with their RLS baseline,
 * app schema migrations (Flyway), and the platform's own table of validated AI gap fills
 * ({@link io.veroforge.operator.db.PostgresFillCache}). Every identifier goes through {@link io.veroforge.operator.db.SqlIdentifier},
 * every value is a bind parameter; unreachable servers are {@link io.veroforge.operator.db.DatabaseUnavailableException}.
 *
 * <p>May import: the API model, the generator's migration model and its {@code FillCache} interface. No Kubernetes client, no reconciler package.
 */
package io.veroforge.operator.db;
