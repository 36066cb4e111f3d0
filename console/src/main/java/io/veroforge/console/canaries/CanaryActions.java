package io.veroforge.console.canaries;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.veroforge.api.v1alpha1.Canary;
import io.veroforge.console.access.ClusterClients;
import io.veroforge.console.access.ConsoleUser;
import io.veroforge.console.writes.FieldProblem;
import io.veroforge.console.writes.YamlDiff;

/**
 * A person's promote or abort, written as the annotations the Canary reconciler reads
 * ({@link Canary#ACTION_ANNOTATION} = promote|abort, {@link Canary#ACTOR_ANNOTATION} = the signed-in user, so the
 * decision history names who asked). Previewed first: the annotations before and after as a diff, and the same patch
 * sent with {@code dryRun=All} so the API server (and in a cluster, RBAC) says whether it would accept it. The patch
 * carries the resourceVersion that was shown: an action on a Canary that moved meanwhile is refused, not applied blind.
 */
@ApplicationScoped
public class CanaryActions {
    private final ClusterClients clients;

    @Inject
    public CanaryActions(ClusterClients clients) {
        this.clients = clients;
    }

    public enum Action {
        PROMOTE("promote"), ABORT("abort");

        private final String annotation;

        Action(String annotation) {
            this.annotation = annotation;
        }

        public String annotation() {
            return annotation;
        }
    }

    /** What the action changes and what the API server says of it; nothing is stored. */
    public record Preview(Action action, String outcome, YamlDiff diff, List<FieldProblem> problems, String resourceVersion) {
        public boolean accepted() {
            return problems.isEmpty();
        }
    }

    /** Why an action was not written; {@code status} is the HTTP status the page answers with. */
    public record Refusal(int status, String message) {
    }

    /** The caller looked {@code canary} up through {@link CanaryDirectory} and checked the view says it is actionable. */
    public Preview preview(ConsoleUser user, Canary canary, Action action) {
        Map<String, String> before = annotations(canary);
        Map<String, String> after = new TreeMap<>(before);
        after.putAll(requested(user, action));
        YamlDiff diff = YamlDiff.between(yaml(before), yaml(after));
        List<FieldProblem> problems;
        try (KubernetesClient client = clients.actingAs(user)) {
            client.resources(Canary.class).inNamespace(canary.getMetadata().getNamespace()).withName(canary.getMetadata().getName())
                    .dryRun().patch(PatchContext.of(PatchType.JSON_MERGE), patch(user, canary, action));
            problems = List.of();
        } catch (KubernetesClientException refused) {
            problems = FieldProblem.of(refused);
        }
        return new Preview(action, outcome(canary, action), diff, problems, canary.getMetadata().getResourceVersion());
    }

    /** Empty when written. {@code shownVersion} is the resourceVersion of the preview the user confirmed. */
    public java.util.Optional<Refusal> apply(ConsoleUser user, Canary canary, Action action, String shownVersion) {
        String name = canary.getMetadata().getName();
        if (shownVersion == null || !shownVersion.equals(canary.getMetadata().getResourceVersion())) {
            return java.util.Optional.of(new Refusal(409, "Canary " + name + " changed since the preview; look at it again and confirm"));
        }
        try (KubernetesClient client = clients.actingAs(user)) {
            client.resources(Canary.class).inNamespace(canary.getMetadata().getNamespace()).withName(name)
                    .patch(PatchContext.of(PatchType.JSON_MERGE), patch(user, canary, action));
            return java.util.Optional.empty();
        } catch (KubernetesClientException refused) {
            if (refused.getCode() == 409) {
                return java.util.Optional.of(new Refusal(409, "Canary " + name + " changed since the preview; look at it again and confirm"));
            }
            if (refused.getCode() == 403) {
                return java.util.Optional.of(new Refusal(403, "the cluster does not let you patch Canaries in "
                        + canary.getMetadata().getNamespace() + " (RBAC decides who may promote or abort)"));
            }
            throw refused;
        }
    }

    /** What the operator will do with the action at the current step, in the words of its decision history. */
    static String outcome(Canary canary, Action action) {
        var status = canary.getStatus();
        var steps = canary.getSpec().getSteps();
        int step = status == null || status.getCurrentStep() == null ? 0 : status.getCurrentStep();
        if (action == Action.ABORT) {
            return "roll back: all traffic returns to the stable revision"
                    + (status == null || status.getStableRevision() == null ? "" : " " + status.getStableRevision())
                    + " and the canary is scaled to zero";
        }
        if (step + 1 < steps.size()) {
            return "promote to step " + (step + 2) + " of " + steps.size() + " at " + steps.get(step + 1).getWeight() + "% of traffic";
        }
        return "complete the rollout: the canary"
                + (status == null || status.getCanaryRevision() == null ? "" : " " + status.getCanaryRevision())
                + " becomes the stable revision and serves all traffic";
    }

    private static Map<String, String> requested(ConsoleUser user, Action action) {
        Map<String, String> requested = new LinkedHashMap<>();
        requested.put(Canary.ACTION_ANNOTATION, action.annotation());
        requested.put(Canary.ACTOR_ANNOTATION, user.name());
        return requested;
    }

    private static String patch(ConsoleUser user, Canary canary, Action action) {
        return Serialization.asJson(Map.of("metadata", Map.of("annotations", requested(user, action),
                "resourceVersion", canary.getMetadata().getResourceVersion())));
    }

    private static Map<String, String> annotations(Canary canary) {
        return canary.getMetadata().getAnnotations() == null ? new TreeMap<>() : new TreeMap<>(canary.getMetadata().getAnnotations());
    }

    /** The annotations as they appear in the Canary's YAML. */
    private static String yaml(Map<String, String> annotations) {
        StringBuilder yaml = new StringBuilder("metadata:\n  annotations:");
        annotations.forEach((key, value) -> yaml.append("\n    ").append(key).append(": ").append(Serialization.asJson(value)));
        return yaml.toString();
    }
}
