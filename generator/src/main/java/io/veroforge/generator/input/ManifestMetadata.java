package io.veroforge.generator.input;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The two metadata keys the generator uses; the rest of Kubernetes metadata (uid, labels, …) is not its business. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ManifestMetadata(String name, String namespace) {
}
