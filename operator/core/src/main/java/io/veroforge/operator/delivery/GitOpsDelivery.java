package io.veroforge.operator.delivery;

import java.util.List;

import io.veroforge.api.v1alpha1.AppSpec;
import io.veroforge.api.v1alpha1.DeploymentStatus;
import io.veroforge.api.v1alpha1.Generation;

/** {@code gitops}: gives ArgoCD the repository's credentials and points the app's Application at the commit. */
final class GitOpsDelivery implements Delivery {
    private final GitOpsDeploy gitOps;
    private final ArgoCdRepositoryCredentials argoCredentials;
    private final AppRepositories repositories;
    private final String argocdNamespace;

    GitOpsDelivery(GitOpsDeploy gitOps, ArgoCdRepositoryCredentials argoCredentials, AppRepositories repositories, String argocdNamespace) {
        this.gitOps = gitOps;
        this.argoCredentials = argoCredentials;
        this.repositories = repositories;
        this.argocdNamespace = argocdNamespace;
    }

    @Override
    public void deploy(AppSpec app, Generation generation, String tenant, AppManifests manifests, DeploymentStatus deployment) {
        argoCredentials.ensure(app, generation.getStatus().getCommit().getRepository(), repositories.credentialsSecret(app));
        gitOps.apply(app, generation.getStatus().getCommit().getRepository(), generation.getStatus().getCommit().getSha());
        deployment.setObjects(List.of("Application/" + argocdNamespace + "/" + gitOps.applicationName(app)));
        deployment.setResult("Syncing");
    }
}
