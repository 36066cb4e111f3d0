package io.veroforge.operator.delivery;

import java.util.LinkedHashMap;
import java.util.Map;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.veroforge.api.v1alpha1.Generation;
import io.veroforge.operator.platform.PlatformLabels;

/** The labels and owner references put on everything delivery creates, in one place. */
public final class DeliveryLabels {
    public static final String APPSPEC = Generation.APPSPEC_LABEL;
    public static final String GENERATION = Generation.GENERATION_LABEL;
    /** On build Jobs only: the component the Job builds. Pruning never touches objects carrying it. */
    public static final String BUILD = Generation.BUILD_LABEL;
    /** The revision a Deployment runs (the Generation's name for apps); KPI queries select it as {@code revision}. */
    public static final String REVISION = "veroforge.io/revision";
    /** On the Deployments a Canary drives: {@code stable} or {@code canary}. */
    public static final String CANARY_ROLE = "veroforge.io/canary-role";
    /** Suffix of the canary Deployment beside its stable one ({@code shop-api} and {@code shop-api-canary}). */
    public static final String CANARY_SUFFIX = "-canary";

    private DeliveryLabels() {
    }

    /** Labels of an object deployed or built for one Generation of an app. */
    public static Map<String, String> forGeneration(String app, String generation) {
        Map<String, String> labels = new LinkedHashMap<>(forApp(app));
        labels.put(GENERATION, generation);
        return labels;
    }

    /** Labels of an object that outlives Generations (the app Secret, the ArgoCD Application). */
    public static Map<String, String> forApp(String app) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(PlatformLabels.MANAGED_BY_LABEL, PlatformLabels.MANAGED_BY);
        labels.put(APPSPEC, app);
        return labels;
    }

    /** The name of the AppSpec a Generation belongs to: its label, else its spec. */
    public static String appOf(Generation generation) {
        Map<String, String> labels = generation.getMetadata().getLabels();
        if (labels != null && labels.get(APPSPEC) != null) {
            return labels.get(APPSPEC);
        }
        return generation.getSpec().getAppSpec().getName();
    }

    /**
     * A non-controlling owner reference: garbage collection removes the object with its owner, and
     * nothing else (a JOSDK controller, kubectl) treats the owner as its manager.
     */
    public static OwnerReference ownedBy(HasMetadata owner) {
        return new OwnerReferenceBuilder()
                .withApiVersion(owner.getApiVersion())
                .withKind(owner.getKind())
                .withName(owner.getMetadata().getName())
                .withUid(owner.getMetadata().getUid())
                .withController(false)
                .withBlockOwnerDeletion(false)
                .build();
    }
}
