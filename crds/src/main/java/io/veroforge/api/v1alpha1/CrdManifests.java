package io.veroforge.api.v1alpha1;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.Serialization;

/**
 * The CRD YAML of every kind, as committed under {@code crds/crd/} and packaged in this jar, so that
 * a local run or a test can install the exact definitions a cluster gets (for example into the
 * Fabric8 mock server) without generating them again.
 */
public final class CrdManifests {
    /** Classpath folder holding {@code <plural>.veroforge.io-v1.yml} for each kind. */
    public static final String RESOURCE_FOLDER = "veroforge/crd";

    /** Every kind of the API, in the order they are best installed (Tenant first). */
    public static final List<Class<? extends HasMetadata>> KINDS = List.of(
            Tenant.class, AppSpec.class, Generation.class, Canary.class, Plugin.class);

    private CrdManifests() {
    }

    /** The file name the Fabric8 CRD generator gives a kind's v1 CRD, e.g. {@code tenants.veroforge.io-v1.yml}. */
    public static String fileName(Class<? extends HasMetadata> kind) {
        return HasMetadata.getPlural(kind) + "." + HasMetadata.getGroup(kind) + "-v1.yml";
    }

    /** Classpath resource names of all CRDs, one per kind. */
    public static List<String> resourceNames() {
        return KINDS.stream().map(kind -> RESOURCE_FOLDER + "/" + fileName(kind)).toList();
    }

    /** The YAML text of a kind's CRD. */
    public static String yaml(Class<? extends HasMetadata> kind) {
        String resource = RESOURCE_FOLDER + "/" + fileName(kind);
        try (InputStream in = CrdManifests.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath; rebuild the veroforge-crds jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** A kind's CRD as an object, ready for {@code client.apiextensions().v1().customResourceDefinitions().resource(crd).create()}. */
    public static CustomResourceDefinition definition(Class<? extends HasMetadata> kind) {
        return Serialization.unmarshal(yaml(kind), CustomResourceDefinition.class);
    }

    /** The CRDs of all kinds. */
    public static List<CustomResourceDefinition> definitions() {
        return KINDS.stream().map(CrdManifests::definition).toList();
    }
}
