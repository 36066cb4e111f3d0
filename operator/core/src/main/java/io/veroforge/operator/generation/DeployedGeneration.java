package io.veroforge.operator.generation;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.veroforge.api.v1alpha1.Generation;

/**
 * Which Generation of an app serves: the newest one whose run Succeeded (verified). A failed
 * Verify never becomes it, so the previous one keeps serving. The AppSpec's status and the
 * migration planner both ask this one question, here.
 */
public final class DeployedGeneration {
    private DeployedGeneration() {
    }

    public static Optional<Generation> among(List<Generation> generations) {
        return generations.stream()
                .filter(g -> g.getStatus() != null && g.getStatus().isTrue(GenerationConditions.SUCCEEDED))
                .max(Comparator.comparingInt(g -> GenerationRun.numberOf(g.getMetadata().getName())));
    }

    /** The one serving apart from {@code name}: what a run replaces, migrates from, or rolls back to. */
    static Optional<Generation> otherThan(String name, List<Generation> generations) {
        return among(generations.stream().filter(g -> !g.getMetadata().getName().equals(name)).toList());
    }

    static List<Generation> ofApp(KubernetesClient client, String namespace, String app) {
        return client.resources(Generation.class).inNamespace(namespace).withLabel(Generation.APPSPEC_LABEL, app).list().getItems();
    }
}
