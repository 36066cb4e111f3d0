package io.veroforge.operator.delivery.git;

import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.veroforge.operator.secrets.SecretValues;
import io.veroforge.operator.platform.PlatformLabels;

/**
 * The credentials that let ArgoCD and the customer clone one app's platform-kept repository. They
 * live only in the Secret {@code <app>-git-credentials} in the app's namespace (type basic-auth,
 * username = the app's name, password = 32 random bytes, base64url). The password is generated once
 * and read back ever after: regenerating it would break every clone already configured with it.
 *
 * @param username the app's name
 * @param password the generated password
 */
public record AppGitCredentials(String username, String password) {
    public static final String SECRET_SUFFIX = "-git-credentials";
    public static final String SECRET_TYPE = "kubernetes.io/basic-auth";
    public static final String USERNAME = "username";
    public static final String PASSWORD = "password";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** {@code <app>-git-credentials}. */
    public static String secretName(String app) {
        return app + SECRET_SUFFIX;
    }

    /**
     * Returns the app's credentials, creating their Secret (owned by {@code owner}, normally the
     * AppSpec) if it does not exist yet. An existing Secret is never changed.
     *
     * @throws IllegalArgumentException when namespace or app is not a DNS-1123 label, or the existing
     *         Secret holds no username or password
     */
    public static AppGitCredentials ensure(KubernetesClient client, String namespace, String app, OwnerReference owner) {
        new AppRepositoryName(namespace, app); // rejects names that are not DNS-1123 labels before any API call
        Optional<AppGitCredentials> existing = read(client, namespace, app);
        if (existing.isPresent()) {
            return existing.get();
        }
        AppGitCredentials created = new AppGitCredentials(app, newPassword());
        Secret secret = new SecretBuilder()
                .withNewMetadata()
                    .withName(secretName(app))
                    .withNamespace(namespace)
                    .withLabels(Map.of(PlatformLabels.MANAGED_BY_LABEL, PlatformLabels.MANAGED_BY))
                    .withOwnerReferences(owner)
                .endMetadata()
                .withType(SECRET_TYPE)
                .withData(Map.of(USERNAME, encode(created.username()), PASSWORD, encode(created.password())))
                .build();
        try {
            client.secrets().inNamespace(namespace).resource(secret).create();
            return created;
        } catch (KubernetesClientException e) {
            if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
                throw e;
            }
            // another writer created it first: theirs is the password clients will get
            return read(client, namespace, app).orElseThrow(() -> e);
        }
    }

    /**
     * The app's credentials as stored in its Secret; empty when there is no Secret.
     *
     * @throws IllegalArgumentException when the Secret holds no username or password
     */
    public static Optional<AppGitCredentials> read(KubernetesClient client, String namespace, String app) {
        Secret secret = client.secrets().inNamespace(namespace).withName(secretName(app)).get();
        return Optional.ofNullable(secret).map(AppGitCredentials::of);
    }

    /** @throws IllegalArgumentException when the Secret holds no username or password */
    static AppGitCredentials of(Secret secret) {
        String username = value(secret, USERNAME);
        String password = value(secret, PASSWORD);
        if (username == null || password == null || password.isEmpty()) {
            throw new IllegalArgumentException("Secret " + secret.getMetadata().getNamespace() + "/"
                    + secret.getMetadata().getName() + " has no " + (username == null ? USERNAME : PASSWORD));
        }
        return new AppGitCredentials(username, password);
    }

    /** Without the password, so that logging the credentials cannot leak it. */
    @Override
    public String toString() {
        return "AppGitCredentials[username=" + username + ", password=(hidden)]";
    }

    private static String value(Secret secret, String key) {
        return SecretValues.get(secret, key).orElse(null);
    }

    private static String encode(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    static String newPassword() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
