package io.veroforge.operator.platform;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Optional;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.veroforge.api.v1alpha1.Tenant;

/**
 * An object with a fixed name inside the tenant's namespace. A Tenant is cluster-scoped, so
 * JOSDK's default lookup (same name, same namespace as the primary) cannot find these; this says
 * where they are. Deleting the namespace deletes them, so they need no explicit delete.
 */
public abstract class InTenantNamespaceDependent<R extends HasMetadata> extends CRUDKubernetesDependentResource<R, Tenant> {
    private final String objectName;

    protected InTenantNamespaceDependent(Class<R> type, String objectName) {
        super(type);
        this.objectName = objectName;
    }

    @Override
    protected Optional<SecondaryToPrimaryMapper<R>> getSecondaryToPrimaryMapper(EventSourceContext<Tenant> context) {
        return Optional.of(new ByTenantLabel<>());
    }

    @Override
    protected ResourceID targetSecondaryResourceID(Tenant tenant, Context<Tenant> context) {
        return new ResourceID(objectName, tenant.namespaceName());
    }
}
