package io.veroforge.console.apps;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.veroforge.api.v1alpha1.AppSpec;
import io.veroforge.api.v1alpha1.Canary;
import io.veroforge.api.v1alpha1.Generation;
import io.veroforge.api.v1alpha1.Tenant;
import io.veroforge.console.access.ClusterClients;
import io.veroforge.console.access.ConsoleUser;
import io.veroforge.console.tenants.TenantDirectory;

/**
 * The AppSpecs and Generations a user may see: those in the namespace of a Tenant they own, read with the client
 * that acts as them (so in a cluster RBAC decides too). Whatever is not theirs — another company's Tenant, an app
 * of another Tenant, a name that is not a name — is answered as absent, exactly like what does not exist.
 */
@ApplicationScoped
public class AppDirectory {
    private static final String APP_NAME = "[a-z]([a-z0-9-]{0,38}[a-z0-9])?";
    private static final String OBJECT_NAME = "[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?";

    private final TenantDirectory tenants;
    private final ClusterClients clients;

    @Inject
    public AppDirectory(TenantDirectory tenants, ClusterClients clients) {
        this.tenants = tenants;
        this.clients = clients;
    }

    public Optional<Tenant> tenant(ConsoleUser user, String tenant) {
        return tenants.find(user, tenant);
    }

    /** The Tenant's AppSpecs by name; empty when the Tenant is not the user's. */
    public Optional<List<AppSpec>> apps(ConsoleUser user, String tenant) {
        return tenants.find(user, tenant).flatMap(t -> read(user, client -> client.resources(AppSpec.class)
                .inNamespace(t.namespaceName()).list().getItems().stream()
                .sorted(Comparator.comparing(a -> a.getMetadata().getName())).toList()));
    }

    public Optional<AppSpec> app(ConsoleUser user, String tenant, String app) {
        if (app == null || !app.matches(APP_NAME)) {
            return Optional.empty();
        }
        return tenants.find(user, tenant).flatMap(t -> read(user, client -> client.resources(AppSpec.class)
                .inNamespace(t.namespaceName()).withName(app).get()));
    }

    /** The app's Generations, newest first (the operator labels each with its AppSpec's name). */
    public List<Generation> generations(ConsoleUser user, AppSpec app) {
        return read(user, client -> client.resources(Generation.class).inNamespace(app.getMetadata().getNamespace())
                .withLabel(Generation.APPSPEC_LABEL, app.getMetadata().getName()).list().getItems().stream()
                .filter(g -> belongsTo(g, app.getMetadata().getName()))
                .sorted(Comparator.comparing((Generation g) -> g.getMetadata().getCreationTimestamp(),
                        Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(g -> g.getMetadata().getName(), Comparator.reverseOrder()))
                .toList()).orElse(List.of());
    }

    /** One Generation of the app; a Generation of another app of the same Tenant is not found under this one. */
    public Optional<Generation> generation(ConsoleUser user, String tenant, String app, String generation) {
        if (generation == null || !generation.matches(OBJECT_NAME)) {
            return Optional.empty();
        }
        return app(user, tenant, app).flatMap(a -> read(user, client -> client.resources(Generation.class)
                .inNamespace(a.getMetadata().getNamespace()).withName(generation).get()))
                .filter(g -> belongsTo(g, app));
    }

    /**
     * The Canary that rolls {@code generation} out, if there is one: the operator names it after the Generation
     * and targets the Generation's app.
     */
    public boolean hasCanary(ConsoleUser user, Generation generation, String app) {
        return read(user, client -> client.resources(Canary.class).inNamespace(generation.getMetadata().getNamespace())
                .withName(generation.getMetadata().getName()).get())
                .filter(c -> c.getSpec() != null && c.getSpec().getTarget() != null && app.equals(c.getSpec().getTarget().getAppSpec()))
                .isPresent();
    }

    static boolean belongsTo(Generation generation, String app) {
        String label = generation.getMetadata().getLabels() == null ? null
                : generation.getMetadata().getLabels().get(Generation.APPSPEC_LABEL);
        String recorded = generation.getSpec() == null || generation.getSpec().getAppSpec() == null ? null
                : generation.getSpec().getAppSpec().getName();
        return app.equals(label) || label == null && app.equals(recorded);
    }

    private <T> Optional<T> read(ConsoleUser user, Function<KubernetesClient, T> reading) {
        return clients.readAs(user, reading);
    }
}
