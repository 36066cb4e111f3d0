package io.veroforge.operator.delivery;

import static io.veroforge.operator.delivery.DeliveryFixtures.SHA;
import static io.veroforge.operator.delivery.DeliveryFixtures.appSpec;
import static io.veroforge.operator.delivery.DeliveryFixtures.pestControlFiles;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.veroforge.api.v1alpha1.AppSpec;

/** The mock has no Deployment controller: the tests write the status it would. */
@EnableKubernetesMockClient(crud = true)
class RolloutCheckTest {
    static KubernetesClient client;

    @Test
    void freshlyAppliedDeploymentsAreProgressingUntilTheControllerObservesThem() {
        List<HasMetadata> applied = deploy("rollout-fresh");

        assertThat(new RolloutCheck(client).check(applied)).isEqualTo(new Rollout.Progressing(
                "pest-control-api waiting for the Deployment controller; pest-control-ui waiting for the Deployment controller"));
    }

    @Test
    void partlyReadyDeploymentsReportHowManyReplicasAreReady() {
        List<HasMetadata> applied = deploy("rollout-partial");
        setStatus("rollout-partial", "pest-control-api", available(2, 2, "True"));
        setStatus("rollout-partial", "pest-control-ui", available(1, 1, "False"));

        assertThat(new RolloutCheck(client).check(applied)).isEqualTo(new Rollout.Progressing("pest-control-ui 1/2 ready"));
    }

    @Test
    void allDeploymentsAvailableWithEveryReplicaUpdatedIsAvailable() {
        List<HasMetadata> applied = deploy("rollout-done");
        setStatus("rollout-done", "pest-control-api", available(2, 2, "True"));
        setStatus("rollout-done", "pest-control-ui", available(2, 2, "True"));

        assertThat(new RolloutCheck(client).check(applied)).isEqualTo(new Rollout.Available());
    }

    @Test
    void anExceededProgressDeadlineFailsWithTheControllersMessage() {
        List<HasMetadata> applied = deploy("rollout-stuck");
        setStatus("rollout-stuck", "pest-control-api", available(2, 2, "True"));
        DeploymentStatus stuck = available(0, 2, "True");
        stuck.getConditions().add(new DeploymentConditionBuilder().withType("Progressing").withStatus("False")
                .withReason("ProgressDeadlineExceeded").withMessage("ReplicaSet \"pest-control-ui-7d9\" has timed out progressing.").build());
        setStatus("rollout-stuck", "pest-control-ui", stuck);

        assertThat(new RolloutCheck(client).check(applied)).isEqualTo(new Rollout.Failed("pest-control-ui",
                "Deployment pest-control-ui did not roll out: ReplicaSet \"pest-control-ui-7d9\" has timed out progressing."));
    }

    private static List<HasMetadata> deploy(String namespace) {
        AppSpec app = appSpec(namespace);
        AppManifests manifests = AppManifests.parse(pestControlFiles());
        List<HasMetadata> prepared = manifests.prepare(app, "pest-control-1",
                ImageRefs.built("r.example.com", "acme", "pest-control", SHA, BuildComponent.in(pestControlFiles())));
        new DirectDeploy(client, DirectDeploy.ApplyMode.CREATE_OR_REPLACE).deploy(app, manifests.appSecretName(),
                new DatabaseLogin("db", 5432, "veroforge", "r", "pw", "s"), prepared);
        return prepared;
    }

    private static DeploymentStatus available(int updated, int available, String availableCondition) {
        return new DeploymentStatusBuilder().withObservedGeneration(1L).withReplicas(2).withUpdatedReplicas(updated)
                .withAvailableReplicas(available).withReadyReplicas(available)
                .addNewCondition().withType("Available").withStatus(availableCondition).endCondition()
                .build();
    }

    private static void setStatus(String namespace, String name, DeploymentStatus status) {
        client.apps().deployments().inNamespace(namespace).withName(name).editStatus(d -> {
            d.setStatus(status);
            return d;
        });
    }
}
