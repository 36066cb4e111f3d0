package io.veroforge.operator.tenant;

import io.veroforge.operator.platform.InTenantNamespaceDependent;
import io.veroforge.operator.platform.TenantDatabaseSecret;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

import jakarta.inject.Inject;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.veroforge.api.v1alpha1.Tenant;
import io.veroforge.operator.config.PlatformConfig;
import io.veroforge.operator.secrets.SecretValues;

/**
 * The tenant's database credentials, in the tenant namespace, for its apps. The password is
 * generated once with {@link SecureRandom} and then read back from the Secret on every
 * reconcile: the Secret is the only place it lives, so the database role is always set from it
 * and a crash between the two converges. Type basic-auth so CloudNativePG can bootstrap an
 * enterprise cluster from the same Secret.
 */
@KubernetesDependent(informer = @Informer(labelSelector = TenantObjects.MANAGED_SELECTOR))
public class CredentialsSecretDependent extends InTenantNamespaceDependent<Secret> {
    public static final String PASSWORD = TenantDatabaseSecret.PASSWORD;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    PlatformConfig config;

    public CredentialsSecretDependent() {
        super(Secret.class, TenantObjects.CREDENTIALS_SECRET);
    }

    @Override
    protected Secret desired(Tenant tenant, Context<Tenant> context) {
        String password = context.getSecondaryResource(Secret.class)
                .map(CredentialsSecretDependent::password)
                .orElseGet(CredentialsSecretDependent::newPassword);
        DatabaseLocation location = DatabaseLocation.of(tenant, config.postgres());
        Map<String, String> data = new TreeMap<>();
        data.put("username", location.role());
        data.put(PASSWORD, password);
        data.put("host", location.host());
        data.put("port", String.valueOf(location.port()));
        data.put("database", location.database());
        if (location.schema() != null) {
            data.put("schema", location.schema());
        }
        data.put("jdbc-url", location.jdbcUrl());
        data.put("rls-setting", DatabaseLocation.TENANT_SETTING);
        Map<String, String> encoded = new TreeMap<>();
        data.forEach((k, v) -> encoded.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
        return new SecretBuilder()
                .withMetadata(TenantObjects.inNamespace(tenant, TenantObjects.CREDENTIALS_SECRET))
                .withType("kubernetes.io/basic-auth")
                .withData(encoded)
                .build();
    }

    /** The password stored in a credentials Secret, or null when it has none. */
    public static String password(Secret secret) {
        return TenantDatabaseSecret.password(secret);
    }

    static String newPassword() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
