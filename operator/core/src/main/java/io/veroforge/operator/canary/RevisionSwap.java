package io.veroforge.operator.canary;

import java.util.LinkedHashMap;
import java.util.Map;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.veroforge.operator.delivery.DeliveryLabels;

/**
 * After the last step the canary becomes stable, as Flagger promotes: the stable Deployment takes the
 * canary's pod template and revision labels (a normal rolling update of the stable, which Services
 * and HPAs already point at), then the router sends it all traffic and the canary is scaled to zero.
 * Writing a template the stable already has changes nothing, so a crash and a retry are harmless.
 */
final class RevisionSwap {
    private final KubernetesClient client;

    RevisionSwap(KubernetesClient client) {
        this.client = client;
    }

    void canaryBecomesStable(RevisionPair pair) {
        PodTemplateSpec template = Serialization.clone(pair.canary().getSpec().getTemplate());
        Map<String, String> podLabels = new LinkedHashMap<>(template.getMetadata().getLabels() == null ? Map.of()
                : template.getMetadata().getLabels());
        podLabels.remove(DeliveryLabels.CANARY_ROLE);
        if (pair.stable().getSpec().getSelector() != null && pair.stable().getSpec().getSelector().getMatchLabels() != null) {
            podLabels.putAll(pair.stable().getSpec().getSelector().getMatchLabels());
        }
        template.getMetadata().setLabels(podLabels);
        Map<String, String> canaryLabels = pair.canary().getMetadata().getLabels() == null ? Map.of() : pair.canary().getMetadata().getLabels();
        String revision = RevisionPair.revisionOf(pair.canary());
        if (template.equals(pair.stable().getSpec().getTemplate()) && revision.equals(RevisionPair.revisionOf(pair.stable()))) {
            return;
        }
        client.apps().deployments().inNamespace(pair.stable().getMetadata().getNamespace()).withName(pair.stableName()).edit(d -> {
            d.getSpec().setTemplate(template);
            Map<String, String> labels = new LinkedHashMap<>(d.getMetadata().getLabels() == null ? Map.of() : d.getMetadata().getLabels());
            labels.put(DeliveryLabels.REVISION, revision);
            if (canaryLabels.get(DeliveryLabels.GENERATION) != null) {
                labels.put(DeliveryLabels.GENERATION, canaryLabels.get(DeliveryLabels.GENERATION));
            }
            d.getMetadata().setLabels(labels);
            return d;
        });
    }
}
