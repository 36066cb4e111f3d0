/**
 * PostgreSQL for tenants and apps: names, roles, schemas and databases with their RLS baseline,
 * app schema migrations (Flyway). Every identifier goes through {@link io.veroforge.operator.db.SqlIdentifier},
 * every value is a bind parameter; unreachable servers are {@link io.veroforge.operator.db.DatabaseUnavailableException}.
 *
 * <p>May import: the API model and the generator's migration model. No Kubernetes client, no reconciler package.
 */
package io.veroforge.operator.db;
