package io.veroforge.operator.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.veroforge.api.v1alpha1.AppSpec;
import io.veroforge.api.v1alpha1.Canary;
import io.veroforge.api.v1alpha1.DeploymentStatus;
import io.veroforge.api.v1alpha1.Generation;

/**
 * {@code rollout.strategy: canary} (direct delivery only): the new revision goes beside the one
 * serving — {@code <name>-canary} Deployments at zero replicas, the stable ones kept (not pruned) —
 * and a Canary named after the Generation drives traffic to it step by step. The first release of
 * an app has nothing to compare with, so it is applied directly (labelled with its revision).
 */
final class CanaryDelivery implements Delivery {
    private final Releases releases;
    private final DirectDeploy direct;
    private final KubernetesClient client;

    CanaryDelivery(Releases releases, DirectDeploy direct, KubernetesClient client) {
        this.releases = releases;
        this.direct = direct;
        this.client = client;
    }

    @Override
    public void deploy(AppSpec app, Generation generation, String tenant, AppManifests manifests, DeploymentStatus deployment) {
        String namespace = app.getMetadata().getNamespace();
        String revision = generation.getMetadata().getName();
        String schema = generation.getStatus().getMigrationPlan() == null ? null : generation.getStatus().getMigrationPlan().getSchema();
        List<HasMetadata> prepared = releases.prepared(app, generation, manifests, tenant);
        List<String> serving = servingOtherRevision(namespace, prepared, revision);
        DatabaseLogin login = releases.login(namespace, schema);
        if (serving.isEmpty()) {
            DirectDeploy.DeployResult result = direct.deploy(app, manifests.appSecretName(), login, CanaryRelease.labelled(prepared, revision));
            deployment.setObjects(result.applied());
            deployment.setPruned(result.pruned());
            deployment.setResult("Applied");
            return;
        }
        Set<String> keep = Set.copyOf(serving.stream().map(name -> "Deployment/" + name).toList());
        DirectDeploy.DeployResult result = direct.deploy(app, manifests.appSecretName(), login,
                CanaryRelease.besideStable(prepared, revision, serving), keep);
        Canary canary = CanaryResource.desired(app, generation, template(app));
        if (client.resource(canary).get() == null) {
            client.resource(canary).create();
        }
        List<String> objects = new ArrayList<>(result.applied());
        objects.add("Canary/" + canary.getMetadata().getName());
        deployment.setObjects(objects);
        deployment.setPruned(result.pruned());
        deployment.setResult("Canary");
    }

    /** The release's Deployments that exist now running another revision: the stable ones. */
    private List<String> servingOtherRevision(String namespace, List<HasMetadata> prepared, String revision) {
        List<String> serving = new ArrayList<>();
        for (HasMetadata object : prepared) {
            if (object instanceof Deployment d) {
                Deployment live = client.apps().deployments().inNamespace(namespace).withName(d.getMetadata().getName()).get();
                String liveGeneration = live == null || live.getMetadata().getLabels() == null ? null
                        : live.getMetadata().getLabels().get(DeliveryLabels.GENERATION);
                if (liveGeneration != null && !liveGeneration.equals(revision)) {
                    serving.add(d.getMetadata().getName());
                }
            }
        }
        return serving;
    }

    private Canary template(AppSpec app) {
        var rollout = app.getSpec().getRollout().getCanary();
        if (rollout == null || rollout.getTemplateRef() == null) {
            return null;
        }
        Canary template = client.resources(Canary.class).inNamespace(app.getMetadata().getNamespace()).withName(rollout.getTemplateRef()).get();
        if (template == null) {
            throw new DeliveryException("spec.rollout.canary.templateRef: Canary " + rollout.getTemplateRef() + " not found in "
                    + app.getMetadata().getNamespace() + "; create it (crds/examples/canary-pest-control.yaml) or remove templateRef for the defaults");
        }
        return template;
    }
}
