package io.veroforge.localapi;

import java.util.Map;

import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;

/** What the store indexes objects by first: {@code group} is empty for the core API. */
record ResourceType(String group, String version, String plural) {

    static final ResourceType CRDS = new ResourceType("apiextensions.k8s.io", "v1", "customresourcedefinitions");

    /** From the attributes the Fabric8 extractor reads off a REST path; null when the path names no resource type. */
    static ResourceType of(Map<String, String> pathAttributes) {
        String plural = pathAttributes.get(KubernetesAttributesExtractor.PLURAL);
        String version = pathAttributes.get(KubernetesAttributesExtractor.VERSION);
        if (plural == null || version == null) {
            return null;
        }
        return new ResourceType(pathAttributes.getOrDefault(KubernetesAttributesExtractor.API, ""), version, plural);
    }
}
