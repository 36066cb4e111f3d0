package io.veroforge.operator.delivery;

import java.util.List;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.veroforge.api.v1alpha1.AppSpec;
import io.veroforge.api.v1alpha1.DeploymentStatus;
import io.veroforge.api.v1alpha1.Generation;

/** {@code direct}: applies the committed manifests into the tenant namespace and prunes what this release no longer has. */
final class DirectDelivery implements Delivery {
    private final Releases releases;
    private final DirectDeploy direct;

    DirectDelivery(Releases releases, DirectDeploy direct) {
        this.releases = releases;
        this.direct = direct;
    }

    @Override
    public void deploy(AppSpec app, Generation generation, String tenant, AppManifests manifests, DeploymentStatus deployment) {
        String schema = generation.getStatus().getMigrationPlan() == null ? null : generation.getStatus().getMigrationPlan().getSchema();
        List<HasMetadata> prepared = releases.prepared(app, generation, manifests, tenant);
        DirectDeploy.DeployResult result = direct.deploy(app, manifests.appSecretName(), releases.login(app.getMetadata().getNamespace(), schema),
                prepared);
        deployment.setObjects(result.applied());
        deployment.setPruned(result.pruned());
        deployment.setResult("Applied");
    }
}
