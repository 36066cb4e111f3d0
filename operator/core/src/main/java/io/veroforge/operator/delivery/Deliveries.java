package io.veroforge.operator.delivery;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.veroforge.api.v1alpha1.AppSpec;
import io.veroforge.api.v1alpha1.Canary;
import io.veroforge.api.v1alpha1.DeliveryMode;
import io.veroforge.api.v1alpha1.DeploymentStatus;
import io.veroforge.api.v1alpha1.Generation;
import io.veroforge.api.v1alpha1.RolloutStrategy;
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
    private final CanaryDelivery canary;
    private final KubernetesClient client;

    public Deliveries(Releases releases, AppRepositories repositories, KubernetesClient client, PlatformConfig config) {
        this.releases = releases;
        this.config = config;
        String argocd = config.delivery().argocdNamespace();
        this.gitOps = new GitOpsDeploy(client, argocd);
        DirectDeploy direct = new DirectDeploy(client, config.delivery().serverSideApply() ? DirectDeploy.ApplyMode.SERVER_SIDE
                : DirectDeploy.ApplyMode.CREATE_OR_REPLACE);
        this.client = client;
        this.canary = new CanaryDelivery(releases, direct, client);
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
        delivery(app).deploy(app, generation, tenant, manifests, deployment);
        return deployment;
    }

    public static boolean canary(AppSpec app) {
        return app.getSpec().getRollout() != null && app.getSpec().getRollout().getStrategy() == RolloutStrategy.canary;
    }

    /** How the Canary a canary release created ({@code Canary/<name>} among its objects) is doing. */
    public CanaryProgress canaryProgress(String namespace, String name) {
        return CanaryProgress.of(client.resources(Canary.class).inNamespace(namespace).withName(name).get(), name);
    }

    private Delivery delivery(AppSpec app) {
        if (!canary(app)) {
            return byMode.get(modeOf(app));
        }
        if (modeOf(app) != DeliveryMode.direct) {
            throw new DeliveryException("spec.rollout.strategy canary needs spec.delivery.mode direct: ArgoCD would put back the Deployments"
                    + " the Canary scales; use mode direct, or strategy direct with gitops");
        }
        return canary;
    }
}
