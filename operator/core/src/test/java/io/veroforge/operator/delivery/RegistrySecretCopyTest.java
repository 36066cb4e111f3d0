package io.veroforge.operator.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;

@EnableKubernetesMockClient(crud = true)
class RegistrySecretCopyTest {
    static KubernetesClient client;

    @Test
    void thePlatformsPushSecretIsCopiedIntoTheTenantNamespaceAndFollowsRotation() {
        pushSecret("e30=");
        RegistrySecretCopy copy = new RegistrySecretCopy(client, "veroforge-system", "registry-push");

        copy.into("tenant-a");
        Secret copied = client.secrets().inNamespace("tenant-a").withName("registry-push").get();
        assertThat(copied.getType()).isEqualTo("kubernetes.io/dockerconfigjson");
        assertThat(copied.getData()).containsEntry(".dockerconfigjson", "e30=");
        assertThat(copied.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "veroforge");

        pushSecret("eyJhIjoxfQ=="); // rotated
        copy.into("tenant-a");
        assertThat(client.secrets().inNamespace("tenant-a").withName("registry-push").get().getData())
                .containsEntry(".dockerconfigjson", "eyJhIjoxfQ==");
    }

    @Test
    void aMissingOriginalNamesTheSettingAndHowToCreateIt() {
        assertThatThrownBy(() -> new RegistrySecretCopy(client, "veroforge-system", "nowhere").into("tenant-b"))
                .isInstanceOf(DeliveryException.class)
                .hasMessageContaining("veroforge.build.registry-secret").hasMessageContaining("create secret docker-registry nowhere");
        assertThat(client.secrets().inNamespace("tenant-b").withName("nowhere").get()).isNull();
    }

    private static void pushSecret(String config) {
        client.resource(new SecretBuilder().withNewMetadata().withName("registry-push").withNamespace("veroforge-system").endMetadata()
                .withType("kubernetes.io/dockerconfigjson").withData(Map.of(".dockerconfigjson", config)).build()).createOr(
                io.fabric8.kubernetes.client.dsl.NonDeletingOperation::update);
    }
}
