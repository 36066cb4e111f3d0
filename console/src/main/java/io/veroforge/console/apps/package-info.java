/**
 * The apps of a Tenant: the AppSpec list and page (validation problems at their fields), the new-AppSpec form with
 * the API server's dry-run, and each Generation's page — stage timeline live over WebSocket, findings, gaps, the
 * migration plan, approve/reject through the approval annotations. Everything is reached through a Tenant the user
 * owns ({@link io.veroforge.console.tenants.TenantDirectory}) and read or written as the user.
 *
 * <p>May import: the API model, Fabric8, Quarkus, {@code io.veroforge.console.access},
 * {@code io.veroforge.console.tenants} (only {@code TenantDirectory}), {@code io.veroforge.console.writes},
 * {@code io.veroforge.console.conditions}. Never the generator or the operator.
 */
package io.veroforge.console.apps;
