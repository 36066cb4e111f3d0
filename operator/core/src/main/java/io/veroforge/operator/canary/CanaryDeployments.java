package io.veroforge.operator.canary;

import java.util.ArrayList;
import java.util.List;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.veroforge.api.v1alpha1.Canary;
import io.veroforge.api.v1alpha1.CanaryTarget;
import io.veroforge.operator.delivery.DeliveryLabels;

/**
 * Finds the Deployments a Canary drives. {@code target.deployment: shop-api}: {@code shop-api} is
 * stable and {@code shop-api-canary} the new revision. {@code target.appSpec: shop}: every
 * Deployment of the app labelled {@code veroforge.io/canary-role: canary} is a new revision, beside
 * the stable one of the same name without {@code -canary} (Deploy puts them there).
 */
final class CanaryDeployments {
    /** What is missing, naming the Deployment and who should create it. */
    sealed interface Found {
        record Pairs(List<RevisionPair> pairs) implements Found {
        }

        record Missing(String message) implements Found {
        }
    }

    private final KubernetesClient client;

    /**
     * A Canary for an AppSpec that no Generation created (it has no Generation label) is a template:
     * the AppSpec's {@code rollout.canary.templateRef} copies it for each rollout; it drives nothing.
     */
    static boolean isTemplate(Canary canary) {
        var labels = canary.getMetadata().getLabels();
        return canary.getSpec().getTarget().getAppSpec() != null && (labels == null || !labels.containsKey(DeliveryLabels.GENERATION));
    }

    CanaryDeployments(KubernetesClient client) {
        this.client = client;
    }

    Found of(Canary canary) {
        String namespace = canary.getMetadata().getNamespace();
        CanaryTarget target = canary.getSpec().getTarget();
        List<String> canaryNames = new ArrayList<>();
        if (target.getDeployment() != null) {
            canaryNames.add(target.getDeployment() + DeliveryLabels.CANARY_SUFFIX);
        } else {
            client.apps().deployments().inNamespace(namespace).withLabel(DeliveryLabels.APPSPEC, target.getAppSpec())
                    .withLabel(DeliveryLabels.CANARY_ROLE, "canary").list().getItems()
                    .stream().map(d -> d.getMetadata().getName()).filter(n -> n.endsWith(DeliveryLabels.CANARY_SUFFIX))
                    .forEach(canaryNames::add);
            if (canaryNames.isEmpty()) {
                return new Found.Missing("no Deployment of AppSpec " + target.getAppSpec() + " is labelled "
                        + DeliveryLabels.CANARY_ROLE + "=canary yet; a Generation with spec.rollout.strategy canary deploys them");
            }
        }
        List<RevisionPair> pairs = new ArrayList<>();
        for (String name : canaryNames.stream().sorted().toList()) {
            String stableName = name.substring(0, name.length() - DeliveryLabels.CANARY_SUFFIX.length());
            Deployment stable = client.apps().deployments().inNamespace(namespace).withName(stableName).get();
            Deployment next = client.apps().deployments().inNamespace(namespace).withName(name).get();
            if (stable == null || next == null) {
                return new Found.Missing("spec.target: Deployment " + (stable == null ? stableName : name) + " not found in "
                        + namespace + "; the stable revision runs in " + stableName + ", the new one in " + name);
            }
            pairs.add(new RevisionPair(stable, next));
        }
        return new Found.Pairs(pairs);
    }
}
