package io.veroforge.operator.delivery;

import java.util.ArrayList;
import java.util.List;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.client.KubernetesClient;

/** Reads the live state of the Deployments a Generation applied and says whether they rolled out. */
public final class RolloutCheck {
    private final KubernetesClient client;

    public RolloutCheck(KubernetesClient client) {
        this.client = client;
    }

    /** Checks every Deployment among {@code applied}; other kinds are ignored. */
    public Rollout check(List<HasMetadata> applied) {
        List<String> waiting = new ArrayList<>();
        for (HasMetadata object : applied) {
            if (!(object instanceof Deployment)) {
                continue;
            }
            String name = object.getMetadata().getName();
            Deployment live = client.apps().deployments().inNamespace(object.getMetadata().getNamespace()).withName(name).get();
            if (live == null) {
                waiting.add(name + " not found");
                continue;
            }
            DeploymentStatus status = live.getStatus();
            DeploymentCondition progressing = condition(status, "Progressing");
            if (progressing != null && "False".equals(progressing.getStatus())
                    && "ProgressDeadlineExceeded".equals(progressing.getReason())) {
                return new Rollout.Failed(name, "Deployment " + name + " did not roll out: " + progressing.getMessage());
            }
            String pending = pending(live);
            if (pending != null) {
                waiting.add(name + " " + pending);
            }
        }
        return waiting.isEmpty() ? new Rollout.Available() : new Rollout.Progressing(String.join("; ", waiting));
    }

    /** Null when rolled out, else what it waits for. */
    private static String pending(Deployment live) {
        DeploymentStatus status = live.getStatus();
        long generation = live.getMetadata().getGeneration() == null ? 0 : live.getMetadata().getGeneration();
        if (status == null || status.getObservedGeneration() == null || status.getObservedGeneration() < generation) {
            return "waiting for the Deployment controller";
        }
        int desired = live.getSpec().getReplicas() == null ? 1 : live.getSpec().getReplicas();
        int updated = zeroIfNull(status.getUpdatedReplicas());
        int available = zeroIfNull(status.getAvailableReplicas());
        DeploymentCondition availableCondition = condition(status, "Available");
        // old pods count as available until replaced, so the new revision is rolled out only when all are updated too
        if (updated >= desired && available >= desired && availableCondition != null
                && "True".equals(availableCondition.getStatus())) {
            return null;
        }
        return Math.min(updated, available) + "/" + desired + " ready";
    }

    private static DeploymentCondition condition(DeploymentStatus status, String type) {
        if (status == null || status.getConditions() == null) {
            return null;
        }
        return status.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
    }

    private static int zeroIfNull(Integer value) {
        return value == null ? 0 : value;
    }
}
