package io.veroforge.operator.delivery.git;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

import org.jboss.logging.Logger;

import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Checks a request against the app's {@code <app>-git-credentials} Secret (see
 * {@link AppGitCredentials}), read on every request so that a deleted or replaced Secret takes
 * effect at once. Both values are compared as SHA-256 digests with {@link MessageDigest#isEqual},
 * so the time taken reveals neither the password nor its length.
 */
public final class SecretRepositoryCredentials implements RepositoryCredentials {
    private static final Logger LOG = Logger.getLogger(SecretRepositoryCredentials.class);

    private final KubernetesClient client;

    public SecretRepositoryCredentials(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public boolean allows(String namespace, String app, String username, String password) {
        Optional<AppGitCredentials> stored;
        try {
            stored = AppGitCredentials.read(client, namespace, app);
        } catch (RuntimeException e) {
            // fail closed: an unreadable Secret or an unreachable API server opens nothing
            LOG.warnf("Git credentials of %s/%s could not be read: %s", namespace, app, e.getMessage());
            return false;
        }
        return stored.map(c -> matches(c, username, password)).orElse(false);
    }

    static boolean matches(AppGitCredentials stored, String username, String password) {
        // non-short-circuit &: both comparisons always run
        return sameSecret(stored.username(), username) & sameSecret(stored.password(), password);
    }

    private static boolean sameSecret(String expected, String presented) {
        return MessageDigest.isEqual(sha256(expected), sha256(presented));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
