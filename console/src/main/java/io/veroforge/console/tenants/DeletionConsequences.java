package io.veroforge.console.tenants;

import java.util.List;

import io.veroforge.api.v1alpha1.DeletionPolicy;
import io.veroforge.api.v1alpha1.Tenant;
import io.veroforge.api.v1alpha1.Tier;

/** What deleting a Tenant keeps and drops, as docs/tenants.md ("Deletion") describes the reconciler's behaviour. */
public record DeletionConsequences(List<String> kept, List<String> dropped) {

    public static DeletionConsequences of(Tenant tenant) {
        String namespace = tenant.namespaceName();
        boolean drop = tenant.getSpec().getDeletionPolicy() == DeletionPolicy.Delete;
        Tier tier = tenant.getSpec().getTier() == null ? Tier.basic : tenant.getSpec().getTier();
        String data = switch (tier) {
            case basic -> "the tenant's schema on the shared PostgreSQL, with its apps' schemas and all rows";
            case pro -> "the tenant's dedicated database, with all rows";
            case enterprise -> "the tenant's PostgreSQL cluster and its volumes";
        };
        if (drop) {
            return new DeletionConsequences(
                    List.of("objects the catalogue does not record as this Tenant's (listed in a NameConflict event)"),
                    List.of(data, "the tenant's database role", "namespace " + namespace + " and everything in it"));
        }
        if (tier == Tier.enterprise) {
            return new DeletionConsequences(List.of(data, "namespace " + namespace + " (it holds the data volumes)"),
                    List.of("the owners' access (their RoleBindings)"));
        }
        return new DeletionConsequences(List.of(data + " (the role can no longer log in)"),
                List.of("namespace " + namespace + " and everything in it: apps, Generations, Secrets"));
    }
}
