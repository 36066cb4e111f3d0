package io.veroforge.operator.delivery;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.veroforge.api.v1alpha1.AppSpec;
import io.veroforge.api.v1alpha1.DeliveryMode;
import io.veroforge.api.v1alpha1.DeploymentStatus;
import io.veroforge.api.v1alpha1.Generation;
import io.veroforge.generator.git.GitUnavailableException;
import io.veroforge.operator.config.PlatformConfig;

/**
 * Puts one Generation's release into the cluster, the way its AppSpec says: the images and URL
 * are worked out here, the rest by the {@link Delivery} of its {@code delivery.mode}
 * ({@link DirectDelivery}, {@link GitOpsDelivery}). The pipeline's one entry point: Deploy uses it
 * for the new Generation, Verify for rolling back to the previous one.
 */
@ApplicationScoped
public class Deliveries {
    private final Releases releases;
    private final GitOpsDeploy gitOps;
    private final PlatformConfig config;
    private final Map<DeliveryMode, Delivery> byMode;

    public Deliveries(Releases releases, AppRepositories repositories, KubernetesClient client, PlatformConfig config) {
        this.releases = releases;
        this.config = config;
        String argocd = config.delivery().argocdNamespace();
        this.gitOps = new GitOpsDeploy(client, argocd);
        DirectDeploy direct = new DirectDeploy(client, config.delivery().serverSideApply() ? DirectDeploy.ApplyMode.SERVER_SIDE
                : DirectDeploy.ApplyMode.CREATE_OR_REPLACE);
        this.byMode = new EnumMap<>(Map.of(
                DeliveryMode.direct, new DirectDelivery(releases, direct),
                DeliveryMode.gitops, new GitOpsDelivery(gitOps, new ArgoCdRepositoryCredentials(client, argocd), repositories, argocd)));
    }

    public GitOpsDeploy gitOps() {
        return gitOps;
    }

    public static DeliveryMode modeOf(AppSpec app) {
        return app.getSpec().getDelivery() == null || app.getSpec().getDelivery().getMode() == null ? DeliveryMode.direct
                : app.getSpec().getDelivery().getMode();
    }

    /** Deploys {@code generation} (which must have a commit and built images) the AppSpec's way and says what it did. */
    public DeploymentStatus deploy(AppSpec app, Generation generation, String tenant) throws GitUnavailableException {
        AppManifests manifests = releases.manifests(app, generation);
        DeploymentStatus deployment = new DeploymentStatus();
        deployment.setMode(modeOf(app));
        deployment.setImages(List.copyOf(releases.images(generation, tenant).byComponent().values()));
        deployment.setUrl(AppUrl.of(app.getMetadata().getName(), tenant, manifests.slug(), app.getMetadata().getNamespace(),
                config.delivery().appsDomain().orElse(null)));
        byMode.get(modeOf(app)).deploy(app, generation, tenant, manifests, deployment);
        return deployment;
    }
}
