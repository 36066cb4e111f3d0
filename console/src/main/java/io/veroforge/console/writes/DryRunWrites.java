package io.veroforge.console.writes;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.veroforge.console.access.ClusterClients;
import io.veroforge.console.access.ConsoleUser;

/**
 * Creates a CR as the user, or asks the API server whether it would ({@code dryRun=All}), so that CRD schema and
 * CEL refusals come back as {@link FieldProblem}s. The caller has checked the user may write where the object goes.
 */
@ApplicationScoped
public class DryRunWrites {
    private final ClusterClients clients;

    @Inject
    public DryRunWrites(ClusterClients clients) {
        this.clients = clients;
    }

    /** What the API server would refuse: empty when {@code resource} would be accepted. Nothing is stored. */
    public List<FieldProblem> dryRun(ConsoleUser user, HasMetadata resource) {
        return write(user, resource, true);
    }

    public List<FieldProblem> create(ConsoleUser user, HasMetadata resource) {
        return write(user, resource, false);
    }

    private List<FieldProblem> write(ConsoleUser user, HasMetadata resource, boolean dryRun) {
        try (KubernetesClient client = clients.actingAs(user)) {
            var write = client.resource(resource);
            if (dryRun) {
                write.dryRun().create();
            } else {
                write.create();
            }
            return List.of();
        } catch (KubernetesClientException refusal) {
            return FieldProblem.of(refusal);
        }
    }
}
