package io.veroforge.operator.tenant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.veroforge.api.v1alpha1.AppSpec;
import io.veroforge.api.v1alpha1.Tenant;
import io.veroforge.api.v1alpha1.Tier;
import io.veroforge.operator.db.OldNameCollisions;
import io.veroforge.operator.db.OldNameCollisions.Collision;
import io.veroforge.operator.db.TenantDatabaseProvisioner;

/**
 * The one-time check, when the operator starts reconciling Tenants, for collisions the old
 * app-schema names left in an existing installation ({@link OldNameCollisions}): every Tenant and
 * AppSpec is listed once, and the schemas both would claim that exist on the shared server are
 * reported on both Tenants ({@code NameConflict}). A reported collision is looked at again on
 * each of the Tenant's reconciles and clears once the schema has been renamed or dropped. Names
 * are never migrated here: that is a documented step a person takes (docs/generations.md).
 */
@ApplicationScoped
public class OldNameCollisionCheck {
    private static final Logger LOG = Logger.getLogger(OldNameCollisionCheck.class);

    private final TenantDatabaseProvisioner provisioner;
    /** Null until the check has run. */
    private volatile List<Collision> found;

    public OldNameCollisionCheck(TenantDatabaseProvisioner provisioner) {
        this.provisioner = provisioner;
    }

    /** The collision message for this Tenant, if the check found one that still exists. */
    Optional<String> conflictOf(Tenant tenant, KubernetesClient client) {
        List<Collision> collisions = found;
        if (collisions == null) {
            collisions = runOnce(client);
            if (collisions == null) {
                return Optional.empty(); // the check could not run (server down): it runs again on the next reconcile
            }
        }
        String name = tenant.getMetadata().getName();
        List<Collision> mine = collisions.stream().filter(c -> c.concerns(name)).toList();
        if (mine.isEmpty()) {
            return Optional.empty();
        }
        Set<String> stillThere = provisioner.existingSharedSchemas(mine.stream().map(Collision::schema).toList());
        List<Collision> open = mine.stream().filter(c -> stillThere.contains(c.schema())).toList();
        if (open.size() < mine.size()) {
            List<Collision> rest = new ArrayList<>(collisions);
            rest.removeIf(c -> c.concerns(name) && !stillThere.contains(c.schema()));
            found = List.copyOf(rest);
        }
        return open.stream().map(Collision::message).reduce((a, b) -> a + "; " + b);
    }

    private synchronized List<Collision> runOnce(KubernetesClient client) {
        if (found != null) {
            return found;
        }
        try {
            List<Tenant> tenants = client.resources(Tenant.class).list().getItems();
            Map<String, String> basicByNamespace = tenants.stream()
                    .filter(t -> t.getSpec() != null && t.getSpec().getTier() == Tier.basic && TenantSpecProblems.nameIsSafe(t))
                    .collect(Collectors.toMap(Tenant::namespaceName, t -> t.getMetadata().getName(), (a, b) -> a));
            Map<String, List<String>> appsByTenant = new TreeMap<>();
            for (AppSpec app : client.resources(AppSpec.class).inAnyNamespace().list().getItems()) {
                String tenant = basicByNamespace.get(app.getMetadata().getNamespace());
                if (tenant != null && app.getMetadata().getName().matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?")) {
                    appsByTenant.computeIfAbsent(tenant, t -> new ArrayList<>()).add(app.getMetadata().getName());
                }
            }
            List<Collision> named = OldNameCollisions.among(basicByNamespace.values(), appsByTenant);
            Set<String> existing = provisioner.existingSharedSchemas(named.stream().map(Collision::schema).toList());
            List<Collision> collisions = named.stream().filter(c -> existing.contains(c.schema())).toList();
            collisions.forEach(c -> LOG.warn(c.message()));
            LOG.infof("Checked %d Tenants and their apps for schema names shared under the old naming: %d collision(s)",
                    tenants.size(), collisions.size());
            found = collisions;
            return collisions;
        } catch (RuntimeException e) {
            LOG.warnf("Could not check for schema names shared under the old naming (will try again): %s", e.getMessage());
            return null;
        }
    }
}
