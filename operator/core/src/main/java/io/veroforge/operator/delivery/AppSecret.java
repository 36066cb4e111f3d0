package io.veroforge.operator.delivery;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.veroforge.api.v1alpha1.AppSpec;

/**
 * The Secret the app's containers read at start ({@code <slug>-secrets}): DATABASE_URL from the
 * tenant's login, and a JWT signing key generated once and kept across Generations so sessions
 * survive a redeploy.
 */
public final class AppSecret {
    public static final String DATABASE_URL = "DATABASE_URL";
    public static final String JWT_SECRET = "JWT_SECRET";
    private static final SecureRandom RANDOM = new SecureRandom();

    private AppSecret() {
    }

    /** The desired Secret; {@code existing} (null when absent) supplies the JWT key if it has one. */
    public static Secret desired(AppSpec app, String name, DatabaseLogin login, Secret existing) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put(DATABASE_URL, base64(login.url()));
        String jwt = existing == null || existing.getData() == null ? null : existing.getData().get(JWT_SECRET);
        data.put(JWT_SECRET, jwt != null ? jwt : base64(newKey()));
        return new SecretBuilder()
                .withNewMetadata()
                    .withName(name)
                    .withNamespace(app.getMetadata().getNamespace())
                    .withLabels(DeliveryLabels.forApp(app.getMetadata().getName()))
                    .withOwnerReferences(DeliveryLabels.ownedBy(app))
                .endMetadata()
                .withType("Opaque")
                .withData(data)
                .build();
    }

    /** 48 random bytes, URL-safe base64: 384 bits, more than HS256 needs. */
    private static String newKey() {
        byte[] key = new byte[48];
        RANDOM.nextBytes(key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }

    private static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
