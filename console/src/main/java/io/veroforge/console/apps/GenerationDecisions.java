package io.veroforge.console.apps;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.veroforge.api.v1alpha1.Generation;
import io.veroforge.console.access.ClusterClients;
import io.veroforge.console.access.ConsoleUser;

/**
 * Approves or rejects a waiting Generation by setting the approval annotations the operator reads
 * ({@link Generation#APPROVE_ANNOTATION}, {@link Generation#REJECT_ANNOTATION} and its reason), as the user and
 * naming the user: the console, not the person typing, says who decided. The patch carries the resourceVersion
 * that was shown, so a decision about a Generation that changed meanwhile is refused rather than applied blind.
 */
@ApplicationScoped
public class GenerationDecisions {
    /** The most text kept as a reason (annotations share a 256 kB budget per object). */
    static final int MAX_REASON = 2000;

    private final ClusterClients clients;

    @Inject
    public GenerationDecisions(ClusterClients clients) {
        this.clients = clients;
    }

    public enum Decision {
        APPROVE, REJECT
    }

    /** Why a decision was not written; {@code status} is the HTTP status the page answers with. */
    public record Refusal(int status, String field, String message) {
    }

    /** Empty when written; the caller looked {@code generation} up through {@link AppDirectory} for this user. */
    public Optional<Refusal> decide(ConsoleUser user, Generation generation, Decision decision, String reason) {
        String name = generation.getMetadata().getName();
        String why = reason == null ? "" : reason.strip();
        if (decision == Decision.REJECT && why.isEmpty()) {
            return Optional.of(new Refusal(422, "reason", "say why you reject " + name
                    + " (it is recorded in status.approval.reason and shown to the app's owners)"));
        }
        if (why.length() > MAX_REASON) {
            return Optional.of(new Refusal(422, "reason", "at most " + MAX_REASON + " characters; this one has "
                    + why.length()));
        }
        GenerationView shown = GenerationView.of("", "", generation);
        if (!shown.awaitsDecision()) {
            return Optional.of(new Refusal(409, "", name + " is not waiting for a decision (phase " + shown.phase()
                    + (shown.approval() == null ? "" : ", approval " + shown.approval().state()
                            + (shown.approval().by().isEmpty() ? "" : " by " + shown.approval().by())) + ")"));
        }
        Map<String, String> annotations = new LinkedHashMap<>();
        if (decision == Decision.APPROVE) {
            annotations.put(Generation.APPROVE_ANNOTATION, user.name());
            if (!why.isEmpty()) {
                annotations.put(Generation.APPROVE_REASON_ANNOTATION, why);
            }
        } else {
            annotations.put(Generation.REJECT_ANNOTATION, user.name());
            annotations.put(Generation.REJECT_REASON_ANNOTATION, why);
        }
        Map<String, Object> metadata = Map.of("annotations", annotations,
                "resourceVersion", generation.getMetadata().getResourceVersion());
        try (KubernetesClient client = clients.actingAs(user)) {
            client.resources(Generation.class).inNamespace(generation.getMetadata().getNamespace()).withName(name)
                    .patch(PatchContext.of(PatchType.JSON_MERGE), Serialization.asJson(Map.of("metadata", metadata)));
            return Optional.empty();
        } catch (KubernetesClientException refused) {
            if (refused.getCode() == 409) {
                return Optional.of(new Refusal(409, "", name + " changed since this page was shown; reload it and decide again"));
            }
            if (refused.getCode() == 403) {
                return Optional.of(new Refusal(403, "", "the cluster does not let you patch Generations in "
                        + generation.getMetadata().getNamespace() + " (RBAC decides who may approve)"));
            }
            throw refused;
        }
    }
}
