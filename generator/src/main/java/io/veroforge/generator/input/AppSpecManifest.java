package io.veroforge.generator.input;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An AppSpec as a Kubernetes manifest. {@code status} is accepted so that the output of
 * {@code kubectl get appspec x -o yaml} can be fed back in unchanged; the generator never reads it.
 */
public record AppSpecManifest(String apiVersion, String kind, ManifestMetadata metadata, AppSpecInput spec, JsonNode status) {

    public static final String API_VERSION = "veroforge.io/v1alpha1";
    public static final String KIND = "AppSpec";
}
