/**
 * The public playground: anyone, not signed in, describes an idea and gets a demo Tenant (small quota, a TTL after
 * which the Tenant reconciler deletes it, data and all) with an AppSpec from the description, and a page following it.
 * Guarded by a rate limit per client address and a cap on the demo Tenants alive at once, both configured in
 * {@link io.veroforge.console.playground.PlaygroundSettings}. Only Tenants labelled as the playground's are ever
 * shown here, whatever the URL says.
 *
 * <p>May import: the API model, Fabric8, Quarkus, Caffeine, {@code io.veroforge.console.access} (the console's own
 * client), and of the app pages only {@code ModelDiagram}. Never the generator or the operator.
 */
package io.veroforge.console.playground;
