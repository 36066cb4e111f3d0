package io.veroforge.operator.delivery;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.veroforge.api.v1alpha1.AppSpec;
import io.veroforge.operator.platform.PlatformLabels;

/**
 * Applies a Generation's prepared manifests and the app Secret into the tenant namespace, then
 * deletes what an earlier Generation applied and this one no longer has.
 */
public final class DirectDeploy {
    public static final String FIELD_MANAGER = "veroforge";

    /** How objects are written. */
    public enum ApplyMode {
        /**
         * Production: server-side apply as {@value #FIELD_MANAGER}, forcing conflicts, so fields
         * others own (an HPA's replicas) are kept and ours always win.
         */
        SERVER_SIDE,
        /**
         * Create, or replace when present. For the Fabric8 CRUD mock server (7.3.1), which answers an
         * apply patch with 404 (absent object) or 415 (present object).
         */
        CREATE_OR_REPLACE
    }

    /**
     * @param applied Kind/name of each object written, the app Secret first
     * @param pruned  Kind/name of each object deleted
     */
    public record DeployResult(List<String> applied, List<String> pruned) {
    }

    private final KubernetesClient client;
    private final ApplyMode mode;

    public DirectDeploy(KubernetesClient client, ApplyMode mode) {
        this.client = client;
        this.mode = mode;
    }

    /**
     * Writes the Secret {@code appSecretName} and {@code manifests} (from {@link AppManifests#prepare}),
     * then prunes. Idempotent: a second call with the same input changes nothing.
     */
    public DeployResult deploy(AppSpec app, String appSecretName, DatabaseLogin login, List<HasMetadata> manifests) {
        return deploy(app, appSecretName, login, manifests, Set.of());
    }

    /** The same, keeping also {@code alsoKeep} (Kind/name) from pruning: the stable revision beside a canary. */
    public DeployResult deploy(AppSpec app, String appSecretName, DatabaseLogin login, List<HasMetadata> manifests, Set<String> alsoKeep) {
        String namespace = app.getMetadata().getNamespace();
        Secret existing = client.secrets().inNamespace(namespace).withName(appSecretName).get();
        List<String> applied = new ArrayList<>();
        apply(AppSecret.desired(app, appSecretName, login, existing));
        applied.add(key("Secret", appSecretName));
        for (HasMetadata object : manifests) {
            apply(object);
            applied.add(key(object.getKind(), object.getMetadata().getName()));
        }
        Set<String> keep = new HashSet<>(applied);
        keep.addAll(alsoKeep);
        List<String> pruned = prune(app.getMetadata().getName(), namespace, keep);
        return new DeployResult(List.copyOf(applied), pruned);
    }

    private void apply(HasMetadata object) {
        object.getMetadata().setResourceVersion(null);
        switch (mode) {
            case SERVER_SIDE -> client.resource(object).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
            case CREATE_OR_REPLACE -> client.resource(object).createOr(NonDeletingOperation::update);
        }
    }

    /**
     * Deletes objects of the kinds the platform deploys that carry the app's label and were applied by
     * a Generation (they carry its label), except the app Secret, build Jobs and anything applied now.
     */
    private List<String> prune(String app, String namespace, Set<String> keep) {
        Map<String, String> selector = Map.of(DeliveryLabels.APPSPEC, app, PlatformLabels.MANAGED_BY_LABEL, PlatformLabels.MANAGED_BY);
        List<HasMetadata> candidates = new ArrayList<>();
        candidates.addAll(client.apps().deployments().inNamespace(namespace).withLabels(selector).list().getItems());
        candidates.addAll(client.services().inNamespace(namespace).withLabels(selector).list().getItems());
        candidates.addAll(client.configMaps().inNamespace(namespace).withLabels(selector).list().getItems());
        candidates.addAll(client.secrets().inNamespace(namespace).withLabels(selector).list().getItems());
        candidates.addAll(client.batch().v1().jobs().inNamespace(namespace).withLabels(selector).list().getItems());
        candidates.addAll(client.network().v1().ingresses().inNamespace(namespace).withLabels(selector).list().getItems());
        List<String> pruned = new ArrayList<>();
        for (HasMetadata object : candidates) {
            Map<String, String> labels = object.getMetadata().getLabels();
            String key = key(object.getKind(), object.getMetadata().getName());
            if (keep.contains(key) || !labels.containsKey(DeliveryLabels.GENERATION) || labels.containsKey(DeliveryLabels.BUILD)) {
                continue;
            }
            client.resource(object).delete();
            pruned.add(key);
        }
        return List.copyOf(pruned);
    }

    private static String key(String kind, String name) {
        return kind + "/" + name;
    }
}
