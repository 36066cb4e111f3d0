package io.veroforge.operator.delivery.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;

@EnableKubernetesMockClient(crud = true)
class AppGitCredentialsTest {
    static KubernetesClient client;

    private static final OwnerReference APP_SPEC = new OwnerReferenceBuilder()
            .withApiVersion("veroforge.io/v1alpha1").withKind("AppSpec").withName("shop")
            .withUid("0a6c5d2e-1111-4c1e-9d2e-000000000001").withController(true).withBlockOwnerDeletion(true)
            .build();

    @Test
    void ensureCreatesABasicAuthSecretOwnedByTheApp() {
        AppGitCredentials credentials = AppGitCredentials.ensure(client, "team-a", "shop", APP_SPEC);

        Secret secret = client.secrets().inNamespace("team-a").withName("shop-git-credentials").get();
        assertThat(secret.getType()).isEqualTo("kubernetes.io/basic-auth");
        assertThat(secret.getMetadata().getOwnerReferences()).containsExactly(APP_SPEC);
        assertThat(secret.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "veroforge");
        assertThat(decoded(secret, "username")).isEqualTo("shop").isEqualTo(credentials.username());
        assertThat(decoded(secret, "password")).isEqualTo(credentials.password());
        assertThat(Base64.getUrlDecoder().decode(credentials.password())).hasSize(32);
    }

    @Test
    void ensureTwiceKeepsThePassword() {
        String first = AppGitCredentials.ensure(client, "team-b", "shop", APP_SPEC).password();
        String second = AppGitCredentials.ensure(client, "team-b", "shop", APP_SPEC).password();

        assertThat(second).isEqualTo(first);
        assertThat(decoded(client.secrets().inNamespace("team-b").withName("shop-git-credentials").get(), "password"))
                .isEqualTo(first);
    }

    @Test
    void eachAppGetsItsOwnPassword() {
        String shop = AppGitCredentials.ensure(client, "team-c", "shop", APP_SPEC).password();
        String billing = AppGitCredentials.ensure(client, "team-c", "billing", APP_SPEC).password();

        assertThat(shop).isNotEqualTo(billing);
    }

    @Test
    void existingSecretIsReadBackNotRegenerated() {
        client.secrets().inNamespace("team-d").resource(new SecretBuilder()
                .withNewMetadata().withName("shop-git-credentials").withNamespace("team-d").endMetadata()
                .withType("kubernetes.io/basic-auth")
                .withStringData(Map.of("username", "shop", "password", "set-by-an-admin"))
                .build()).create();

        assertThat(AppGitCredentials.ensure(client, "team-d", "shop", APP_SPEC).password()).isEqualTo("set-by-an-admin");
    }

    @Test
    void passwordIsNotInToString() {
        AppGitCredentials credentials = AppGitCredentials.ensure(client, "team-e", "shop", APP_SPEC);

        assertThat(credentials.toString()).doesNotContain(credentials.password());
    }

    @Test
    void secretCredentialsAllowOnlyTheAppsOwnUsernameAndPassword() {
        String shop = AppGitCredentials.ensure(client, "team-f", "shop", APP_SPEC).password();
        String billing = AppGitCredentials.ensure(client, "team-f", "billing", APP_SPEC).password();
        RepositoryCredentials credentials = new SecretRepositoryCredentials(client);

        assertThat(credentials.allows("team-f", "shop", "shop", shop)).isTrue();
        assertThat(credentials.allows("team-f", "shop", "shop", shop + "x")).isFalse();
        assertThat(credentials.allows("team-f", "shop", "shop", "")).isFalse();
        assertThat(credentials.allows("team-f", "shop", "billing", shop)).isFalse();
        assertThat(credentials.allows("team-f", "billing", "shop", shop)).isFalse();
        assertThat(credentials.allows("team-f", "billing", "billing", billing)).isTrue();
        assertThat(credentials.allows("team-f", "orders", "orders", shop)).isFalse();
        assertThat(credentials.allows("team-g", "shop", "shop", shop)).isFalse();
    }

    @Test
    void deletedSecretStopsAllowingAtOnce() {
        String shop = AppGitCredentials.ensure(client, "team-h", "shop", APP_SPEC).password();
        RepositoryCredentials credentials = new SecretRepositoryCredentials(client);
        assertThat(credentials.allows("team-h", "shop", "shop", shop)).isTrue();

        client.secrets().inNamespace("team-h").withName("shop-git-credentials").delete();

        assertThat(credentials.allows("team-h", "shop", "shop", shop)).isFalse();
    }

    private static String decoded(Secret secret, String key) {
        return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }
}
