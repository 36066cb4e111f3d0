/**
 * What every reconciler may rely on about the platform's objects: the managed-by label, the
 * Tenant's database Secret its apps use, and the dependent helpers for objects inside a tenant's
 * namespace ({@link io.veroforge.operator.platform.InTenantNamespaceDependent},
 * {@link io.veroforge.operator.platform.ByTenantLabel}).
 *
 * <p>May import: the API model, {@code secrets}, Fabric8 and JOSDK. No reconciler package.
 */
package io.veroforge.operator.platform;
