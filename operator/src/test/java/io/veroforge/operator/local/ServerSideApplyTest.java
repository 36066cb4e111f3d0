package io.veroforge.operator.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

/** The operator is built with server-side apply on; the local API must accept it. */
class ServerSideApplyTest {

    @Test
    void serverSideApplyCreatesAnAbsentObjectThenMergesIntoIt() {
        try (LocalKubernetesApi api = LocalKubernetesApi.start(0); KubernetesClient client = api.newClient()) {
            client.resource(new ConfigMapBuilder().withNewMetadata().withName("settings").withNamespace("default")
                    .endMetadata().addToData("a", "1").build()).serverSideApply();
            client.resource(new ConfigMapBuilder().withNewMetadata().withName("settings").withNamespace("default")
                    .withFinalizers(List.of("veroforge.io/test")).endMetadata().addToData("b", "2").build())
                    .serverSideApply();

            var stored = client.configMaps().inNamespace("default").withName("settings").get();
            assertThat(stored.getData()).containsEntry("a", "1").containsEntry("b", "2");
            assertThat(stored.getMetadata().getFinalizers()).containsExactly("veroforge.io/test");
        }
    }
}
