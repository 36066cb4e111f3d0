package io.veroforge.operator.tenant;

import io.veroforge.operator.platform.ByTenantLabel;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import java.util.Optional;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDNoGCKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.veroforge.api.v1alpha1.DeletionPolicy;
import io.veroforge.api.v1alpha1.Tenant;
import io.veroforge.api.v1alpha1.Tier;

/**
 * The tenant's namespace {@code tenant-<name>}. Deleted explicitly when the Tenant goes (not
 * left to garbage collection), because deleting it is what removes everything inside.
 */
@KubernetesDependent(informer = @Informer(labelSelector = TenantObjects.MANAGED_SELECTOR))
public class NamespaceDependent extends CRUDNoGCKubernetesDependentResource<Namespace, Tenant> {

    public NamespaceDependent() {
        super(Namespace.class);
    }

    @Override
    protected Namespace desired(Tenant tenant, Context<Tenant> context) {
        return new NamespaceBuilder()
                .withNewMetadata()
                .withName(tenant.namespaceName())
                .withLabels(TenantObjects.labels(tenant))
                .endMetadata()
                .build();
    }

    /** An enterprise tenant's retained data is its cluster's volumes, which live in the namespace. */
    static boolean keptOnDelete(Tenant tenant) {
        return tenant.getSpec().getTier() == Tier.enterprise && tenant.getSpec().getDeletionPolicy() != DeletionPolicy.Delete;
    }

    @Override
    protected void handleDelete(Tenant tenant, Namespace namespace, Context<Tenant> context) {
        if (!keptOnDelete(tenant)) {
            super.handleDelete(tenant, namespace, context);
        }
    }

    @Override
    protected Optional<SecondaryToPrimaryMapper<Namespace>> getSecondaryToPrimaryMapper(EventSourceContext<Tenant> context) {
        return Optional.of(new ByTenantLabel<>());
    }

    @Override
    protected ResourceID targetSecondaryResourceID(Tenant tenant, Context<Tenant> context) {
        return new ResourceID(tenant.namespaceName());
    }
}
