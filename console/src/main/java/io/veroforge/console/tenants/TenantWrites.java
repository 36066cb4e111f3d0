package io.veroforge.console.tenants;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.veroforge.api.v1alpha1.Tenant;
import io.veroforge.console.access.ClusterClients;
import io.veroforge.console.access.ConsoleUser;
import io.veroforge.console.access.TenantOwnership;
import io.veroforge.console.writes.DryRunWrites;
import io.veroforge.console.writes.FieldProblem;

/** Creates and deletes Tenants as the signed-in user; every create is dry-run first by the API server. */
@ApplicationScoped
public class TenantWrites {
    private final ClusterClients clients;
    private final DryRunWrites writes;

    @Inject
    public TenantWrites(ClusterClients clients) {
        this.clients = clients;
        this.writes = new DryRunWrites(clients);
    }

    /** What the API server would refuse ({@code dryRun=All}): empty when the Tenant would be accepted. */
    public List<FieldProblem> dryRun(ConsoleUser user, Tenant tenant) {
        return write(user, tenant, true);
    }

    public List<FieldProblem> create(ConsoleUser user, Tenant tenant) {
        return write(user, tenant, false);
    }

    private List<FieldProblem> write(ConsoleUser user, Tenant tenant, boolean dryRun) {
        if (!TenantOwnership.owns(user, tenant)) {
            // checked before the API: a Tenant its creator does not own would vanish from their console
            return List.of(new FieldProblem("spec.owners", "add yourself (User " + user.name()
                    + ") or one of your groups " + user.groups() + " as an owner, or you could not see this Tenant"));
        }
        return dryRun ? writes.dryRun(user, tenant) : writes.create(user, tenant);
    }

    /** Deletes a Tenant the user owns (the caller looked it up through {@link TenantDirectory}). */
    public void delete(ConsoleUser user, Tenant tenant) {
        try (KubernetesClient client = clients.actingAs(user)) {
            client.resources(Tenant.class).withName(tenant.getMetadata().getName()).delete();
        }
    }
}
