package io.veroforge.console.tenants;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.veroforge.api.v1alpha1.Tenant;
import io.veroforge.console.access.ClusterClients;
import io.veroforge.console.access.ConsoleUser;
import io.veroforge.console.access.TenantOwnership;

/** The Tenants a user may see. A Tenant they do not own is answered exactly like one that does not exist. */
@ApplicationScoped
public class TenantDirectory {
    private final ClusterClients clients;

    @Inject
    public TenantDirectory(ClusterClients clients) {
        this.clients = clients;
    }

    public List<Tenant> visibleTo(ConsoleUser user) {
        return clients.console().resources(Tenant.class).list().getItems().stream()
                .filter(t -> TenantOwnership.owns(user, t))
                .sorted(Comparator.comparing(t -> t.getMetadata().getName()))
                .toList();
    }

    public Optional<Tenant> find(ConsoleUser user, String name) {
        if (name == null || !name.matches("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?")) {
            return Optional.empty();
        }
        Tenant tenant = clients.console().resources(Tenant.class).withName(name).get();
        return tenant != null && TenantOwnership.owns(user, tenant) ? Optional.of(tenant) : Optional.empty();
    }
}
