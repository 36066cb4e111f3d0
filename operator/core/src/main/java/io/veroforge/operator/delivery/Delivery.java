package io.veroforge.operator.delivery;

import io.veroforge.api.v1alpha1.AppSpec;
import io.veroforge.api.v1alpha1.DeploymentStatus;
import io.veroforge.api.v1alpha1.Generation;
import io.veroforge.generator.git.GitUnavailableException;

/**
 * One way a Generation's release reaches the cluster: the committed manifests applied directly,
 * or an ArgoCD Application pointed at the commit; a rollout strategy (canary) is the next one.
 * {@link Deliveries} picks one by the AppSpec's {@code delivery.mode}.
 */
public interface Delivery {

    /**
     * Puts {@code generation}'s release into the cluster and fills in what it did ({@code objects},
     * {@code pruned}, {@code result}) on {@code deployment}, which already names images and URL.
     */
    void deploy(AppSpec app, Generation generation, String tenant, AppManifests manifests, DeploymentStatus deployment)
            throws GitUnavailableException;
}
