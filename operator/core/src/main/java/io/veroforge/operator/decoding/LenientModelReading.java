package io.veroforge.operator.decoding;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.kubernetes.client.KubernetesClientObjectMapperCustomizer;

/**
 * Makes the Kubernetes client (and so every informer of the operator) read VeroForge objects
 * leniently, see {@link UnreadableValues}. Without it, one Tenant with {@code tier: 42} fails the
 * Tenant informer's watch ("watch failed ... will stop") and no Tenant is reconciled again.
 */
@Singleton
public class LenientModelReading implements KubernetesClientObjectMapperCustomizer {
    private final UndecodableObjects undecodable;

    public LenientModelReading(UndecodableObjects undecodable) {
        this.undecodable = undecodable;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.addHandler(new UnreadableValues(undecodable));
    }
}
