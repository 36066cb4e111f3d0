package io.veroforge.operator.delivery;

import java.util.Map;
import java.util.Objects;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.veroforge.operator.platform.PlatformLabels;

/**
 * Kaniko Jobs run in the tenant's namespace and can only mount Secrets there: the platform's
 * registry push Secret (in the platform namespace) is copied in, and kept equal to the original
 * when that is rotated.
 */
public final class RegistrySecretCopy {
    private final KubernetesClient client;
    private final String platformNamespace;
    private final String name;

    public RegistrySecretCopy(KubernetesClient client, String platformNamespace, String name) {
        this.client = client;
        this.platformNamespace = platformNamespace;
        this.name = name;
    }

    /** @throws DeliveryException when the original is missing: the message says how to create it */
    public void into(String namespace) {
        Secret original = client.secrets().inNamespace(platformNamespace).withName(name).get();
        if (original == null) {
            throw new DeliveryException("veroforge.build.registry-secret names Secret " + name + ", which does not exist in the platform namespace "
                    + platformNamespace + "; create it (kubectl -n " + platformNamespace + " create secret docker-registry " + name
                    + " ...) or unset the setting for a registry that takes anonymous pushes");
        }
        Secret existing = client.secrets().inNamespace(namespace).withName(name).get();
        if (existing != null && Objects.equals(existing.getData(), original.getData()) && Objects.equals(existing.getType(), original.getType())) {
            return;
        }
        client.resource(new SecretBuilder().withNewMetadata().withName(name).withNamespace(namespace)
                .withLabels(Map.of(PlatformLabels.MANAGED_BY_LABEL, PlatformLabels.MANAGED_BY)).endMetadata()
                .withType(original.getType()).withData(original.getData()).build()).createOr(NonDeletingOperation::update);
    }
}
