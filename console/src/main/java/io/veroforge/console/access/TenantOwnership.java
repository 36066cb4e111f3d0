package io.veroforge.console.access;

import io.veroforge.api.v1alpha1.Tenant;
import io.veroforge.api.v1alpha1.TenantOwner;
import io.veroforge.api.v1alpha1.TenantOwner.OwnerKind;

/**
 * Whether a user administers a tenant: named as a User owner, or member of a Group owner. The same rule as the
 * owner RoleBindings the Tenant reconciler creates, so the local run (no RBAC) and a cluster agree.
 */
public final class TenantOwnership {
    private TenantOwnership() {
    }

    public static boolean owns(ConsoleUser user, Tenant tenant) {
        if (tenant.getSpec() == null || tenant.getSpec().getOwners() == null) {
            return false;
        }
        for (TenantOwner owner : tenant.getSpec().getOwners()) {
            if (owner.getKind() == OwnerKind.User && user.name().equals(owner.getName())
                    || owner.getKind() == OwnerKind.Group && user.groups().contains(owner.getName())) {
                return true;
            }
        }
        return false;
    }
}
