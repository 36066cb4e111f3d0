package io.veroforge.operator.platform;

import java.util.Set;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import io.veroforge.api.v1alpha1.ApiGroup;

/**
 * Maps an object to its Tenant by the {@code veroforge.io/tenant} label every tenant object
 * carries. Owner references cannot do it for the namespace (a cluster-scoped object JOSDK
 * would otherwise track by annotations), and the label also lets a restarted operator adopt
 * what it created before a crash instead of failing to create it again.
 */
public final class ByTenantLabel<R extends HasMetadata> implements SecondaryToPrimaryMapper<R> {
    @Override
    public Set<ResourceID> toPrimaryResourceIDs(R resource) {
        var labels = resource.getMetadata().getLabels();
        String tenant = labels == null ? null : labels.get(ApiGroup.TENANT_LABEL);
        return tenant == null ? Set.of() : Set.of(new ResourceID(tenant));
    }
}
