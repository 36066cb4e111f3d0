package io.veroforge.operator.delivery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.veroforge.api.v1alpha1.AppSpec;

/**
 * Delivers an app through ArgoCD: one {@code Application} per AppSpec, pointed at the Generation's
 * commit, syncing {@code deploy/k8s} (without the migration Job, which the operator runs) into the
 * tenant namespace with automated prune and self-heal.
 *
 * <p>The Application lives in ArgoCD's namespace, so it cannot be owned by the AppSpec: it is found by
 * name ({@link ArgoCdNames}) and removed with {@link #delete}. An Application of that name that is
 * not this app's (another destination namespace or AppSpec label) is never edited nor deleted.
 */
public final class GitOpsDeploy {
    public static final String DEFAULT_NAMESPACE = "argocd";
    /** Addressed without discovery, so it works before ArgoCD's CRDs are read and against the CRUD mock. */
    public static final ResourceDefinitionContext APPLICATION = new ResourceDefinitionContext.Builder()
            .withGroup("argoproj.io").withVersion("v1alpha1").withKind("Application").withPlural("applications")
            .withNamespaced(true).build();
    static final String IN_CLUSTER = "https://kubernetes.default.svc";
    /** ArgoCD deletes the synced objects when the Application is deleted. */
    static final String CASCADE_FINALIZER = "resources-finalizer.argocd.argoproj.io";

    private final KubernetesClient client;
    private final String argoNamespace;

    /** @param argoNamespace where ArgoCD watches Applications; {@value #DEFAULT_NAMESPACE} by default */
    public GitOpsDeploy(KubernetesClient client, String argoNamespace) {
        this.client = client;
        this.argoNamespace = argoNamespace;
    }

    /**
     * The app's Application: {@code <namespace>.<app>}, or the name operators before used,
     * {@code <namespace>-<app>}, when an Application of that name is this app's.
     */
    public String applicationName(AppSpec app) {
        GenericKubernetesResource legacy = client.genericKubernetesResources(APPLICATION).inNamespace(argoNamespace)
                .withName(ArgoCdNames.legacyApplication(app)).get();
        return legacy != null && belongsTo(legacy, app) ? ArgoCdNames.legacyApplication(app) : ArgoCdNames.application(app);
    }

    /** An Application is an app's when it deploys into the app's namespace and carries its AppSpec label. */
    static boolean belongsTo(GenericKubernetesResource application, AppSpec app) {
        Map<String, String> labels = application.getMetadata().getLabels();
        Object destination = application.get("spec", "destination", "namespace");
        return labels != null && app.getMetadata().getName().equals(labels.get(DeliveryLabels.APPSPEC))
                && app.getMetadata().getNamespace().equals(destination);
    }

    /**
     * Creates the Application or points it at {@code revision}. An existing Application is edited
     * (a patch of labels and spec), so ArgoCD's status and other fields are kept.
     */
    public GenericKubernetesResource apply(AppSpec app, String repoUrl, String revision) {
        Map<String, Object> spec = spec(app.getMetadata().getNamespace(), repoUrl, revision);
        Map<String, String> labels = DeliveryLabels.forApp(app.getMetadata().getName());
        String name = applicationName(app);
        Resource<GenericKubernetesResource> resource = application(name);
        GenericKubernetesResource current = resource.get();
        if (current != null && !belongsTo(current, app)) {
            throw new DeliveryException("NameConflict: ArgoCD Application " + argoNamespace + "/" + name + " exists but deploys "
                    + current.get("spec", "destination", "namespace") + " for another app; VeroForge does not take it over."
                    + " Delete or rename that Application if it is left over, or rename this AppSpec");
        }
        if (current == null) {
            try {
                return resource.create(new GenericKubernetesResourceBuilder()
                        .withApiVersion(APPLICATION.getGroup() + "/" + APPLICATION.getVersion())
                        .withKind(APPLICATION.getKind())
                        .withNewMetadata()
                            .withName(name)
                            .withNamespace(argoNamespace)
                            .withLabels(labels)
                            .withFinalizers(CASCADE_FINALIZER)
                        .endMetadata()
                        .withAdditionalProperties(Map.of("spec", spec))
                        .build());
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409) {
                    throw e;
                }
            }
        }
        return resource.edit(existing -> { // created just now, or checked above to be this app's
            Map<String, String> merged = new LinkedHashMap<>(existing.getMetadata().getLabels() == null ? Map.of()
                    : existing.getMetadata().getLabels());
            merged.putAll(labels);
            existing.getMetadata().setLabels(merged);
            existing.setAdditionalProperty("spec", spec);
            return existing;
        });
    }

    private static Map<String, Object> spec(String namespace, String repoUrl, String revision) {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("repoURL", repoUrl);
        source.put("targetRevision", revision);
        source.put("path", AppManifests.DIRECTORY.substring(0, AppManifests.DIRECTORY.length() - 1));
        source.put("directory", Map.of("exclude", AppManifests.MIGRATION_JOB_FILE));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("project", "default");
        spec.put("source", source);
        spec.put("destination", Map.of("server", IN_CLUSTER, "namespace", namespace));
        spec.put("syncPolicy", Map.of("automated", Map.of("prune", true, "selfHeal", true)));
        return spec;
    }

    /**
     * Synced when ArgoCD reports Synced and Healthy at {@code revision}. Failed when the app is Degraded
     * at {@code revision} or the sync operation for it ended Failed or Error; a failure at an older
     * revision is history, not this Generation's result. Otherwise Waiting, with ArgoCD's values.
     */
    public SyncProgress poll(AppSpec app, String revision) {
        String shortName = applicationName(app);
        GenericKubernetesResource application = application(shortName).get();
        String name = argoNamespace + "/" + shortName;
        if (application == null || !belongsTo(application, app)) {
            return new SyncProgress.Waiting("ArgoCD Application " + name + " does not exist yet");
        }
        String sync = application.get("status", "sync", "status");
        String syncedRevision = application.get("status", "sync", "revision");
        String health = application.get("status", "health", "status");
        String healthMessage = application.get("status", "health", "message");
        String phase = application.get("status", "operationState", "phase");
        String operationMessage = application.get("status", "operationState", "message");
        String operationRevision = operationRevision(application);
        boolean atRevision = revision.equals(syncedRevision);

        if (phase != null && List.of("Failed", "Error").contains(phase)
                && (operationRevision == null || revision.equals(operationRevision))) {
            return new SyncProgress.Failed("ArgoCD sync of Application " + name + " " + phase + ": " + operationMessage);
        }
        if (atRevision && "Degraded".equals(health)) {
            return new SyncProgress.Failed("ArgoCD reports Application " + name + " Degraded"
                    + (healthMessage == null ? "" : ": " + healthMessage));
        }
        if (atRevision && "Synced".equals(sync) && "Healthy".equals(health)) {
            return new SyncProgress.Synced(revision);
        }
        return new SyncProgress.Waiting("ArgoCD Application " + name + ": sync " + orUnknown(sync) + " at "
                + orUnknown(syncedRevision) + ", health " + orUnknown(health)
                + (phase == null ? "" : ", operation " + phase + (operationMessage == null ? "" : " (" + operationMessage + ")")));
    }

    private static String operationRevision(GenericKubernetesResource application) {
        String result = application.get("status", "operationState", "syncResult", "revision");
        return result != null ? result : application.get("status", "operationState", "operation", "sync", "revision");
    }

    private static String orUnknown(String value) {
        return value == null ? "unknown" : value;
    }

    /** Deletes the app's Application (not one of its name that is another app's); its finalizer makes ArgoCD remove the objects it synced. */
    public void delete(AppSpec app) {
        Resource<GenericKubernetesResource> resource = application(applicationName(app));
        GenericKubernetesResource current = resource.get();
        if (current != null && belongsTo(current, app)) {
            resource.delete();
        }
    }

    private Resource<GenericKubernetesResource> application(String name) {
        return client.genericKubernetesResources(APPLICATION).inNamespace(argoNamespace).withName(name);
    }
}
