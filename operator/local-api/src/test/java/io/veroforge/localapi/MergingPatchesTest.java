package io.veroforge.localapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;

/** Server-side apply (the operator is built with it on) and JSON merge patches (kubectl apply) against the local API. */
class MergingPatchesTest {

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

    @Test
    void aMergePatchReplacesListsWholeInsteadOfAppendingToThem() {
        try (LocalKubernetesApi api = LocalKubernetesApi.start(0); KubernetesClient client = api.newClient()) {
            client.resource(new ConfigMapBuilder().withNewMetadata().withName("owners").withNamespace("default")
                    .withFinalizers(List.of("a", "b")).endMetadata().addToData("keep", "1").build()).create();

            // What kubectl apply sends for an edited list (and kubectl patch --type merge).
            client.configMaps().inNamespace("default").withName("owners")
                    .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{\"finalizers\":[\"a\",\"b\",\"c\"]},\"data\":{\"new\":\"2\"}}");

            var stored = client.configMaps().inNamespace("default").withName("owners").get();
            assertThat(stored.getMetadata().getFinalizers()).containsExactly("a", "b", "c");
            assertThat(stored.getData()).containsEntry("keep", "1").containsEntry("new", "2");
            assertThatThrownBy(() -> client.configMaps().inNamespace("default").withName("absent")
                    .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"data\":{\"x\":\"1\"}}"))
                    .isInstanceOf(KubernetesClientException.class).hasMessageContaining("Not Found");
        }
    }
}
