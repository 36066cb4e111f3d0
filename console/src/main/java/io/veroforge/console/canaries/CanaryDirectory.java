package io.veroforge.console.canaries;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.veroforge.api.v1alpha1.AppSpec;
import io.veroforge.api.v1alpha1.Canary;
import io.veroforge.console.access.ClusterClients;
import io.veroforge.console.access.ConsoleUser;
import io.veroforge.console.apps.AppDirectory;

/**
 * The Canaries of an app the user may see: those in its Tenant's namespace whose {@code spec.target.appSpec} names
 * the app, read as the user. A Canary of another app, of another company's Tenant, or under a name that is not a
 * name is answered as absent, exactly like one that does not exist.
 */
@ApplicationScoped
public class CanaryDirectory {
    private static final String OBJECT_NAME = "[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?";

    private final AppDirectory apps;
    private final ClusterClients clients;

    @Inject
    public CanaryDirectory(AppDirectory apps, ClusterClients clients) {
        this.apps = apps;
        this.clients = clients;
    }

    /** The app and its Canaries, newest first; empty when the app is not the user's. */
    public Optional<AppCanaries> canaries(ConsoleUser user, String tenant, String app) {
        return apps.app(user, tenant, app).map(a -> new AppCanaries(a, clients.readAs(user, client -> client
                .resources(Canary.class).inNamespace(a.getMetadata().getNamespace()).list().getItems().stream()
                .filter(c -> targets(c, app))
                .sorted(Comparator.comparing((Canary c) -> c.getMetadata().getCreationTimestamp(),
                        Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(c -> c.getMetadata().getName(), Comparator.reverseOrder()))
                .toList()).orElse(List.of())));
    }

    public Optional<Canary> canary(ConsoleUser user, String tenant, String app, String name) {
        if (name == null || !name.matches(OBJECT_NAME)) {
            return Optional.empty();
        }
        return apps.app(user, tenant, app).flatMap(a -> clients.readAs(user, client -> client.resources(Canary.class)
                .inNamespace(a.getMetadata().getNamespace()).withName(name).get()))
                .filter(c -> targets(c, app));
    }

    static boolean targets(Canary canary, String app) {
        return canary.getSpec() != null && canary.getSpec().getTarget() != null
                && app.equals(canary.getSpec().getTarget().getAppSpec());
    }

    public record AppCanaries(AppSpec app, List<Canary> canaries) {
    }
}
