package io.veroforge.operator.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;

/** What a canary release does to a Generation's prepared objects. */
class CanaryReleaseTest {

    @Test
    void aDeploymentBesideTheServingOneBecomesItsCanaryAtZeroReplicas() {
        List<HasMetadata> out = CanaryRelease.besideStable(List.of(deployment("shop-api"), deployment("shop-ui"),
                new ServiceBuilder().withNewMetadata().withName("shop-api").endMetadata().build()), "shop-3", List.of("shop-api"));

        Deployment canary = (Deployment) out.get(0);
        assertThat(canary.getMetadata().getName()).isEqualTo("shop-api-canary");
        assertThat(canary.getMetadata().getLabels()).containsEntry(DeliveryLabels.CANARY_ROLE, "canary").containsEntry(DeliveryLabels.REVISION, "shop-3");
        assertThat(canary.getSpec().getSelector().getMatchLabels()).containsEntry("app", "shop-api").containsEntry(DeliveryLabels.CANARY_ROLE, "canary");
        assertThat(canary.getSpec().getTemplate().getMetadata().getLabels()).containsEntry(DeliveryLabels.CANARY_ROLE, "canary");
        assertThat(canary.getSpec().getReplicas()).isZero();
        assertThat(canary.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
                .filteredOn(e -> CanaryRelease.REVISION_ENV.equals(e.getName())).singleElement()
                .satisfies(e -> assertThat(e.getValue()).isEqualTo("shop-3"));

        Deployment first = (Deployment) out.get(1);
        assertThat(first.getMetadata().getName()).as("nothing serves it yet: deployed as it is").isEqualTo("shop-ui");
        assertThat(first.getMetadata().getLabels()).containsEntry(DeliveryLabels.REVISION, "shop-3").doesNotContainKey(DeliveryLabels.CANARY_ROLE);
        assertThat(first.getSpec().getReplicas()).isEqualTo(2);
        assertThat(out.get(2).getMetadata().getName()).isEqualTo("shop-api");
    }

    private static Deployment deployment(String name) {
        Map<String, String> pods = Map.of("app", name);
        return new DeploymentBuilder().withNewMetadata().withName(name).endMetadata().withNewSpec().withReplicas(2)
                .withNewSelector().withMatchLabels(pods).endSelector().withNewTemplate().withNewMetadata().withLabels(pods).endMetadata()
                .withNewSpec().addNewContainer().withName("api").withImage("img").addNewEnv().withName(CanaryRelease.REVISION_ENV)
                .withValue("old").endEnv().endContainer().endSpec().endTemplate().endSpec().build();
    }
}
