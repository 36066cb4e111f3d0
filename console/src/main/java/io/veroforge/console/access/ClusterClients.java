package io.veroforge.console.access;

import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * The API clients the console uses. Listing Tenants (cluster-scoped, readable only by the console's own
 * ServiceAccount) uses the console's client and is filtered by {@link TenantOwnership}; everything a user
 * does — reads in tenant namespaces and every write — goes through a client that impersonates that user and
 * their groups when {@code veroforge.console.impersonate} is on (in a cluster), so Kubernetes RBAC decides.
 * The local API has no RBAC: there the console's own check is the only one, and it is applied on both paths.
 */
@ApplicationScoped
public class ClusterClients {
    private final KubernetesClient console;
    private final boolean impersonate;

    @Inject
    public ClusterClients(KubernetesClient console,
            @ConfigProperty(name = "veroforge.console.impersonate", defaultValue = "true") boolean impersonate) {
        this.console = console;
        this.impersonate = impersonate;
    }

    /** The console's own identity: for listing Tenants, then filtered per user. */
    public KubernetesClient console() {
        return console;
    }

    public boolean impersonates() {
        return impersonate;
    }

    /**
     * A client acting as {@code user}; the caller closes it. Without impersonation this is a client with the
     * console's credentials, and the caller must have checked ownership first (the pages always do).
     */
    public KubernetesClient actingAs(ConsoleUser user) {
        Config config = new ConfigBuilder(console.getConfiguration()).build();
        if (impersonate) {
            config.setImpersonateUsername(user.name());
            config.setImpersonateGroups(user.groups().toArray(String[]::new));
        }
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    /**
     * A read as {@code user}; what RBAC refuses (403) or the API does not have (404) is absent, so a page answers
     * Not found for both, exactly like for what does not exist. Anything else is an error.
     */
    public <T> Optional<T> readAs(ConsoleUser user, Function<KubernetesClient, T> reading) {
        try (KubernetesClient client = actingAs(user)) {
            return Optional.ofNullable(reading.apply(client));
        } catch (KubernetesClientException refused) {
            if (refused.getCode() == 403 || refused.getCode() == 404) {
                return Optional.empty();
            }
            throw refused;
        }
    }
}
