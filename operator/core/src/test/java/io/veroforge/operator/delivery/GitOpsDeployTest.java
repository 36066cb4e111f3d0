package io.veroforge.operator.delivery;

import static io.veroforge.operator.delivery.DeliveryFixtures.SHA;
import static io.veroforge.operator.delivery.DeliveryFixtures.appSpec;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.veroforge.api.v1alpha1.AppSpec;

/**
 * The CRUD mock stores an ArgoCD Application without its CRD as long as the client names the
 * resource ({@link GitOpsDeploy#APPLICATION}); there is no ArgoCD, so the tests write its status.
 */
@EnableKubernetesMockClient(crud = true)
class GitOpsDeployTest {
    static KubernetesClient client;
    private static final String REPO = "https://git.example.com/acme/pest-control.git";
    private static final String NEXT = "fedcba9876543210fedcba9876543210fedcba98";

    @Test
    void applyingCreatesAnApplicationSyncingTheManifestsAtTheCommit() {
        AppSpec app = appSpec("tenant-create");
        GitOpsDeploy gitOps = new GitOpsDeploy(client, GitOpsDeploy.DEFAULT_NAMESPACE);

        gitOps.apply(app, REPO, SHA);

        GenericKubernetesResource application = stored("tenant-create.pest-control");
        assertThat(application.getMetadata().getLabels()).containsEntry("veroforge.io/appspec", "pest-control");
        assertThat(application.<String>get("spec", "project")).isEqualTo("default");
        assertThat(application.<String>get("spec", "source", "repoURL")).isEqualTo(REPO);
        assertThat(application.<String>get("spec", "source", "targetRevision")).isEqualTo(SHA);
        assertThat(application.<String>get("spec", "source", "path")).isEqualTo("deploy/k8s");
        assertThat(application.<String>get("spec", "source", "directory", "exclude")).isEqualTo("migration-job.yaml");
        assertThat(application.<String>get("spec", "destination", "server")).isEqualTo("https://kubernetes.default.svc");
        assertThat(application.<String>get("spec", "destination", "namespace")).isEqualTo("tenant-create");
        assertThat(application.<Boolean>get("spec", "syncPolicy", "automated", "prune")).isTrue();
        assertThat(application.<Boolean>get("spec", "syncPolicy", "automated", "selfHeal")).isTrue();
    }

    @Test
    void applyingANewRevisionRepointsTheApplicationAndKeepsArgoStatus() {
        AppSpec app = appSpec("tenant-repoint");
        GitOpsDeploy gitOps = new GitOpsDeploy(client, GitOpsDeploy.DEFAULT_NAMESPACE);
        gitOps.apply(app, REPO, SHA);
        writeStatus("tenant-repoint.pest-control", "Synced", SHA, "Healthy", "Succeeded", "successfully synced", SHA);

        gitOps.apply(app, REPO, NEXT);

        GenericKubernetesResource application = stored("tenant-repoint.pest-control");
        assertThat(application.<String>get("spec", "source", "targetRevision")).isEqualTo(NEXT);
        assertThat(application.<String>get("status", "sync", "revision")).isEqualTo(SHA);
        assertThat(gitOps.poll(app, NEXT)).isInstanceOfSatisfying(SyncProgress.Waiting.class, w -> assertThat(w.message())
                .isEqualTo("ArgoCD Application argocd/tenant-repoint.pest-control: sync Synced at " + SHA
                        + ", health Healthy, operation Succeeded (successfully synced)"));
    }

    @Test
    void syncedAndHealthyAtTheCommitIsDone() {
        AppSpec app = appSpec("tenant-synced");
        GitOpsDeploy gitOps = new GitOpsDeploy(client, GitOpsDeploy.DEFAULT_NAMESPACE);
        gitOps.apply(app, REPO, SHA);
        assertThat(gitOps.poll(app, SHA)).isInstanceOf(SyncProgress.Waiting.class);

        writeStatus("tenant-synced.pest-control", "Synced", SHA, "Healthy", "Succeeded", "successfully synced", SHA);

        assertThat(gitOps.poll(app, SHA)).isEqualTo(new SyncProgress.Synced(SHA));
    }

    @Test
    void aFailedSyncOfTheCommitFailsWithArgosMessage() {
        AppSpec app = appSpec("tenant-sync-failed");
        GitOpsDeploy gitOps = new GitOpsDeploy(client, GitOpsDeploy.DEFAULT_NAMESPACE);
        gitOps.apply(app, REPO, SHA);
        writeStatus("tenant-sync-failed.pest-control", "OutOfSync", null, "Missing", "Failed",
                "one or more objects failed to apply: Deployment.apps \"pest-control-api\" is invalid", SHA);

        assertThat(gitOps.poll(app, SHA)).isEqualTo(new SyncProgress.Failed("ArgoCD sync of Application "
                + "argocd/tenant-sync-failed.pest-control Failed: one or more objects failed to apply: Deployment.apps \"pest-control-api\" is invalid"));
        // an old revision's failure is not this revision's result
        assertThat(gitOps.poll(app, NEXT)).isInstanceOf(SyncProgress.Waiting.class);
    }

    @Test
    void degradedAtTheCommitFails() {
        AppSpec app = appSpec("tenant-degraded");
        GitOpsDeploy gitOps = new GitOpsDeploy(client, GitOpsDeploy.DEFAULT_NAMESPACE);
        gitOps.apply(app, REPO, SHA);
        writeStatus("tenant-degraded.pest-control", "Synced", SHA, "Degraded", "Succeeded", "successfully synced", SHA);

        assertThat(gitOps.poll(app, SHA)).isInstanceOfSatisfying(SyncProgress.Failed.class,
                f -> assertThat(f.message()).startsWith("ArgoCD reports Application argocd/tenant-degraded.pest-control Degraded"));
    }

    @Test
    void anApplicationOfTheOldNameThatIsThisAppsIsKeptAndRepointedNotDuplicated() {
        AppSpec app = appSpec("tenant-legacy");
        GitOpsDeploy gitOps = new GitOpsDeploy(client, GitOpsDeploy.DEFAULT_NAMESPACE);
        gitOps.apply(app, REPO, SHA);
        copyAs(stored("tenant-legacy.pest-control"), "tenant-legacy-pest-control"); // as an older operator named it
        var created = client.genericKubernetesResources(GitOpsDeploy.APPLICATION).inNamespace("argocd").withName("tenant-legacy.pest-control");
        created.edit(a -> {
            a.getMetadata().setFinalizers(java.util.List.of()); // no ArgoCD here to prune and release it
            return a;
        });
        created.delete();

        gitOps.apply(app, REPO, NEXT);

        assertThat(gitOps.applicationName(app)).isEqualTo("tenant-legacy-pest-control");
        assertThat(stored("tenant-legacy-pest-control").<String>get("spec", "source", "targetRevision")).isEqualTo(NEXT);
        assertThat(stored("tenant-legacy.pest-control")).isNull();
    }

    @Test
    void anotherTenantsApplicationOfTheSameOldNameIsNeverTouched() {
        // app studio-pest-control in tenant-acme and app pest-control in tenant-acme-studio had one old name
        AppSpec other = appSpec("tenant-acme");
        other.getMetadata().setName("studio-pest-control");
        GitOpsDeploy gitOps = new GitOpsDeploy(client, GitOpsDeploy.DEFAULT_NAMESPACE);
        gitOps.apply(other, "https://git.example.com/acme/studio.git", SHA);
        copyAs(stored("tenant-acme.studio-pest-control"), "tenant-acme-studio-pest-control"); // as an older operator named it
        AppSpec mine = appSpec("tenant-acme-studio");

        gitOps.apply(mine, REPO, NEXT);
        assertThat(stored("tenant-acme-studio.pest-control").<String>get("spec", "source", "targetRevision")).isEqualTo(NEXT);
        gitOps.delete(mine);

        GenericKubernetesResource untouched = stored("tenant-acme-studio-pest-control");
        assertThat(untouched.<String>get("spec", "destination", "namespace")).isEqualTo("tenant-acme");
        assertThat(untouched.<String>get("spec", "source", "targetRevision")).isEqualTo(SHA);
        assertThat(untouched.getMetadata().getDeletionTimestamp()).isNull();
        GenericKubernetesResource deleted = stored("tenant-acme-studio.pest-control"); // kept by ArgoCD's finalizer until it has pruned
        assertThat(deleted == null || deleted.getMetadata().getDeletionTimestamp() != null).isTrue();
    }

    private static void copyAs(GenericKubernetesResource source, String name) {
        client.genericKubernetesResources(GitOpsDeploy.APPLICATION).inNamespace("argocd").resource(new GenericKubernetesResourceBuilder()
                .withApiVersion(source.getApiVersion()).withKind(source.getKind())
                .withNewMetadata().withName(name).withNamespace("argocd").withLabels(source.getMetadata().getLabels()).endMetadata()
                .withAdditionalProperties(Map.of("spec", source.getAdditionalProperties().get("spec"))).build()).create();
    }

    private static GenericKubernetesResource stored(String name) {
        return client.genericKubernetesResources(GitOpsDeploy.APPLICATION).inNamespace("argocd").withName(name).get();
    }

    /** What ArgoCD's application controller would write. */
    private static void writeStatus(String name, String sync, String syncRevision, String health, String phase, String message,
            String operationRevision) {
        client.genericKubernetesResources(GitOpsDeploy.APPLICATION).inNamespace("argocd").withName(name).edit(a -> {
            Map<String, Object> syncStatus = new LinkedHashMap<>();
            syncStatus.put("status", sync);
            if (syncRevision != null) {
                syncStatus.put("revision", syncRevision);
            }
            a.setAdditionalProperty("status", Map.of(
                    "sync", syncStatus,
                    "health", Map.of("status", health),
                    "operationState", Map.of("phase", phase, "message", message,
                            "syncResult", Map.of("revision", operationRevision))));
            return a;
        });
    }
}
