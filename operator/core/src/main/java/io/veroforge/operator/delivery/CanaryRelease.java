package io.veroforge.operator.delivery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * A release's Deployments as a canary rollout wants them: each labelled with its revision (the
 * Generation's name) and told it through {@value #REVISION_ENV}, so the app's metrics carry it;
 * and, when a stable revision already serves under the same name, renamed to {@code <name>-canary}
 * with {@code veroforge.io/canary-role: canary} on object, selector and pods, at zero replicas
 * (the Canary's router scales it). Other objects pass unchanged.
 */
final class CanaryRelease {
    /** The environment variable the generated API reads its metrics' {@code revision} label from. */
    static final String REVISION_ENV = "VEROFORGE_REVISION";

    private CanaryRelease() {
    }

    static List<HasMetadata> labelled(List<HasMetadata> prepared, String revision) {
        List<HasMetadata> result = new ArrayList<>();
        for (HasMetadata object : prepared) {
            if (object instanceof Deployment d) {
                withRevision(d, revision);
            }
            result.add(object);
        }
        return result;
    }

    /** {@code labelled}, then each Deployment named in {@code serving} becomes its canary beside it. */
    static List<HasMetadata> besideStable(List<HasMetadata> prepared, String revision, List<String> serving) {
        List<HasMetadata> result = new ArrayList<>();
        for (HasMetadata object : labelled(prepared, revision)) {
            if (object instanceof Deployment d && serving.contains(d.getMetadata().getName())) {
                d.getMetadata().setName(d.getMetadata().getName() + DeliveryLabels.CANARY_SUFFIX);
                d.getMetadata().setLabels(withRole(d.getMetadata().getLabels()));
                if (d.getSpec().getSelector() != null) {
                    d.getSpec().getSelector().setMatchLabels(withRole(d.getSpec().getSelector().getMatchLabels()));
                }
                d.getSpec().getTemplate().getMetadata().setLabels(withRole(d.getSpec().getTemplate().getMetadata().getLabels()));
                d.getSpec().setReplicas(0);
            }
            result.add(object);
        }
        return result;
    }

    private static void withRevision(Deployment d, String revision) {
        Map<String, String> labels = new LinkedHashMap<>(d.getMetadata().getLabels() == null ? Map.of() : d.getMetadata().getLabels());
        labels.put(DeliveryLabels.REVISION, revision);
        d.getMetadata().setLabels(labels);
        d.getSpec().getTemplate().getSpec().getContainers().forEach(c -> {
            List<EnvVar> env = new ArrayList<>(c.getEnv() == null ? List.of() : c.getEnv());
            env.removeIf(e -> REVISION_ENV.equals(e.getName()));
            env.add(new EnvVar(REVISION_ENV, revision, null));
            c.setEnv(env);
        });
    }

    private static Map<String, String> withRole(Map<String, String> labels) {
        Map<String, String> result = new LinkedHashMap<>(labels == null ? Map.of() : labels);
        result.put(DeliveryLabels.CANARY_ROLE, "canary");
        return result;
    }
}
