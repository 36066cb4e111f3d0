package io.veroforge.operator.secrets;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.Secret;

/**
 * A Secret's value as text: from {@code data} (base64, what the API server stores) or, for a
 * Secret object that has not been through an API server yet, from {@code stringData}.
 */
public final class SecretValues {
    private SecretValues() {
    }

    public static Optional<String> get(Secret secret, String key) {
        if (secret == null) {
            return Optional.empty();
        }
        if (secret.getData() != null && secret.getData().get(key) != null) {
            return Optional.of(new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8));
        }
        return Optional.ofNullable(secret.getStringData() == null ? null : secret.getStringData().get(key));
    }
}
