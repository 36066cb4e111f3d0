package io.veroforge.operator.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.veroforge.api.v1alpha1.AppSpec;

@EnableKubernetesMockClient(crud = true)
class ArgoCdRepositoryCredentialsTest {
    static KubernetesClient client;

    @Test
    void anSshRemotesKeyBecomesTheRepositorySecretArgoCdReadsAndFollowsItsRotation() {
        AppSpec app = DeliveryFixtures.appSpec("tenant-ssh");
        deployKey("tenant-ssh", "-----BEGIN OPENSSH PRIVATE KEY-----\nfirst\n-----END OPENSSH PRIVATE KEY-----\n");
        ArgoCdRepositoryCredentials argo = new ArgoCdRepositoryCredentials(client, "argocd");

        argo.ensure(app, "git@git.example.com:acme/pest-control.git", "deploy-key");
        Secret repository = client.secrets().inNamespace("argocd").withName(ArgoCdRepositoryCredentials.secretName(app)).get();
        assertThat(repository.getMetadata().getLabels()).containsEntry(ArgoCdRepositoryCredentials.SECRET_TYPE_LABEL, "repository");
        assertThat(decode(repository, "url")).isEqualTo("git@git.example.com:acme/pest-control.git");
        assertThat(decode(repository, "sshPrivateKey")).contains("first");
        assertThat(repository.getData()).doesNotContainKeys("username", "password");

        deployKey("tenant-ssh", "-----BEGIN OPENSSH PRIVATE KEY-----\nrotated\n-----END OPENSSH PRIVATE KEY-----\n");
        argo.ensure(app, "git@git.example.com:acme/pest-control.git", "deploy-key");
        assertThat(decode(client.secrets().inNamespace("argocd").withName(ArgoCdRepositoryCredentials.secretName(app)).get(), "sshPrivateKey"))
                .contains("rotated");

        argo.delete(app);
        assertThat(client.secrets().inNamespace("argocd").withName(ArgoCdRepositoryCredentials.secretName(app)).get()).isNull();
    }

    @Test
    void aMissingSourceSecretIsNamedWithTheRepository() {
        AppSpec app = DeliveryFixtures.appSpec("tenant-nosecret");
        assertThatThrownBy(() -> new ArgoCdRepositoryCredentials(client, "argocd").ensure(app, "https://git.example.com/x.git", "absent"))
                .isInstanceOf(DeliveryException.class).hasMessageContaining("absent").hasMessageContaining("https://git.example.com/x.git");
    }

    private static void deployKey(String namespace, String key) {
        client.resource(new SecretBuilder().withNewMetadata().withName("deploy-key").withNamespace(namespace).endMetadata()
                .addToData("ssh-privatekey", Base64.getEncoder().encodeToString(key.getBytes(StandardCharsets.UTF_8))).build())
                .createOr(io.fabric8.kubernetes.client.dsl.NonDeletingOperation::update);
    }

    private static String decode(Secret secret, String key) {
        return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }
}
