package io.veroforge.operator.tenant;

import io.veroforge.operator.platform.InTenantNamespaceDependent;
import java.util.List;

import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.fabric8.kubernetes.api.model.rbac.SubjectBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.veroforge.api.v1alpha1.Tenant;
import io.veroforge.api.v1alpha1.TenantOwner;

/**
 * One RoleBinding that gives every owner the chart's {@code veroforge-tenant-admin} ClusterRole
 * inside the tenant namespace. One binding with many subjects (rather than one per owner)
 * means changing the owners list is a single update and nothing is left behind.
 */
@KubernetesDependent(informer = @Informer(labelSelector = TenantObjects.MANAGED_SELECTOR))
public class OwnerAccessDependent extends InTenantNamespaceDependent<RoleBinding> {

    public OwnerAccessDependent() {
        super(RoleBinding.class, TenantObjects.OWNERS_BINDING);
    }

    @Override
    protected RoleBinding desired(Tenant tenant, Context<Tenant> context) {
        return new RoleBindingBuilder()
                .withMetadata(TenantObjects.inNamespace(tenant, TenantObjects.OWNERS_BINDING))
                .withNewRoleRef()
                .withApiGroup("rbac.authorization.k8s.io")
                .withKind("ClusterRole")
                .withName(TenantObjects.ADMIN_CLUSTER_ROLE)
                .endRoleRef()
                .withSubjects(subjects(tenant.getSpec().getOwners()))
                .build();
    }

    static List<Subject> subjects(List<TenantOwner> owners) {
        return owners.stream().map(owner -> switch (owner.getKind()) {
            case User, Group -> new SubjectBuilder()
                    .withApiGroup("rbac.authorization.k8s.io")
                    .withKind(owner.getKind().name())
                    .withName(owner.getName())
                    .build();
            case ServiceAccount -> new SubjectBuilder()
                    .withKind("ServiceAccount")
                    .withName(owner.getName())
                    .withNamespace(owner.getNamespace())
                    .build();
        }).toList();
    }
}
