package io.veroforge.operator.generation;

import java.util.Optional;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.veroforge.api.v1alpha1.ApiGroup;
import io.veroforge.api.v1alpha1.Tenant;
import io.veroforge.operator.tenant.TenantConditions;

/**
 * The Tenant an app belongs to: the one whose namespace the AppSpec lives in, found by the
 * tenant label the operator puts on every namespace it creates.
 */
record AppTenant(Tenant tenant, Namespace namespace) {

    static Optional<AppTenant> of(KubernetesClient client, String namespace) {
        Namespace ns = client.namespaces().withName(namespace).get();
        if (ns == null || ns.getMetadata().getLabels() == null || ns.getMetadata().getLabels().get(ApiGroup.TENANT_LABEL) == null) {
            return Optional.empty();
        }
        Tenant tenant = client.resources(Tenant.class).withName(ns.getMetadata().getLabels().get(ApiGroup.TENANT_LABEL)).get();
        return tenant == null ? Optional.empty() : Optional.of(new AppTenant(tenant, ns));
    }

    String name() {
        return tenant.getMetadata().getName();
    }

    /** The tenant's database is there to migrate into. */
    boolean databaseReady() {
        return tenant.getStatus() != null && tenant.getStatus().isTrue(TenantConditions.DATABASE_READY);
    }

    static String notFound(String namespace) {
        return "namespace " + namespace + " belongs to no Tenant (no " + ApiGroup.TENANT_LABEL + " label): "
                + "apps are deployed into a Tenant's namespace — create the AppSpec in the namespace of a Tenant (kubectl get tenants)";
    }
}
