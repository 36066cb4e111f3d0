package io.veroforge.operator.generation;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.veroforge.api.v1alpha1.AppSpec;
import io.veroforge.api.v1alpha1.DeliveryMode;
import io.veroforge.api.v1alpha1.DeploymentStatus;
import io.veroforge.api.v1alpha1.Generation;
import io.veroforge.generator.git.GitUnavailableException;
import io.veroforge.operator.config.PlatformConfig;
import io.veroforge.operator.delivery.AppManifests;
import io.veroforge.operator.delivery.AppRepositories;
import io.veroforge.operator.delivery.ArgoCdRepositoryCredentials;
import io.veroforge.operator.delivery.AppUrl;
import io.veroforge.operator.delivery.DirectDeploy;
import io.veroforge.operator.delivery.GitOpsDeploy;

/**
 * Puts one Generation's release into the cluster, the way its AppSpec says: {@code direct}
 * applies the committed manifests into the tenant namespace and prunes what an earlier
 * Generation had and this one has not; {@code gitops} points the app's ArgoCD Application at the
 * commit. Deploy uses it for the new Generation, Verify for rolling back to the previous one.
 */
@ApplicationScoped
public class Deliveries {
    private final Releases releases;
    private final DirectDeploy direct;
    private final GitOpsDeploy gitOps;
    private final ArgoCdRepositoryCredentials argoCredentials;
    private final AppRepositories repositories;
    private final PlatformConfig config;

    public Deliveries(Releases releases, AppRepositories repositories, KubernetesClient client, PlatformConfig config) {
        this.releases = releases;
        this.repositories = repositories;
        this.config = config;
        this.argoCredentials = new ArgoCdRepositoryCredentials(client, config.delivery().argocdNamespace());
        this.direct = new DirectDeploy(client, config.delivery().serverSideApply() ? DirectDeploy.ApplyMode.SERVER_SIDE
                : DirectDeploy.ApplyMode.CREATE_OR_REPLACE);
        this.gitOps = new GitOpsDeploy(client, config.delivery().argocdNamespace());
    }

    GitOpsDeploy gitOps() {
        return gitOps;
    }

    static DeliveryMode modeOf(AppSpec app) {
        return app.getSpec().getDelivery() == null || app.getSpec().getDelivery().getMode() == null ? DeliveryMode.direct
                : app.getSpec().getDelivery().getMode();
    }

    /** Deploys {@code generation} (which must have a commit and built images) and says what it did. */
    DeploymentStatus deploy(AppSpec app, Generation generation, AppTenant tenant) throws GitUnavailableException {
        AppManifests manifests = releases.manifests(app, generation);
        DeploymentStatus deployment = new DeploymentStatus();
        deployment.setMode(modeOf(app));
        deployment.setImages(List.copyOf(releases.images(generation, tenant.name()).byComponent().values()));
        deployment.setUrl(AppUrl.of(app.getMetadata().getName(), tenant.name(), manifests.slug(), app.getMetadata().getNamespace(),
                config.delivery().appsDomain().orElse(null)));
        if (modeOf(app) == DeliveryMode.gitops) {
            argoCredentials.ensure(app, generation.getStatus().getCommit().getRepository(), repositories.credentialsSecret(app));
            gitOps.apply(app, generation.getStatus().getCommit().getRepository(), generation.getStatus().getCommit().getSha());
            deployment.setObjects(List.of("Application/" + config.delivery().argocdNamespace() + "/" + gitOps.applicationName(app)));
            deployment.setResult("Syncing");
            return deployment;
        }
        String schema = generation.getStatus().getMigrationPlan() == null ? null : generation.getStatus().getMigrationPlan().getSchema();
        List<HasMetadata> prepared = releases.prepared(app, generation, manifests, tenant.name());
        DirectDeploy.DeployResult result = direct.deploy(app, manifests.appSecretName(), releases.login(app.getMetadata().getNamespace(), schema),
                prepared);
        deployment.setObjects(result.applied());
        deployment.setPruned(result.pruned());
        deployment.setResult("Applied");
        return deployment;
    }
}
