package io.veroforge.operator.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

import io.veroforge.api.v1alpha1.ApiGroup;
import io.veroforge.api.v1alpha1.Generation;

/**
 * Images built outside the cluster, by the generated repository's own CI: the Generation waits until
 * CI (or a person) reports them in an annotation, e.g.
 * <pre>
 * kubectl annotate generation pest-control-7 \
 *   veroforge.io/images=api=registry.example.com/acme/pest-control-api@sha256:…,ui=registry.example.com/acme/pest-control-ui@sha256:…
 * </pre>
 * References must carry a digest, so what is deployed is exactly what CI built and scanned.
 */
public final class ExternalBuild {
    public static final String IMAGES_ANNOTATION = ApiGroup.GROUP + "/images";
    static final String EXPECTED_FORMAT = "<component>=<image>@sha256:<64 hex digits>, comma-separated"
            + " (e.g. api=registry.example.com/acme/shop-api@sha256:…,ui=registry.example.com/acme/shop-ui@sha256:…)";
    private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");
    /** registry[:port]/path[:tag]@sha256:digest, lower-case repository as the distribution spec requires. */
    private static final Pattern DIGEST_REF = Pattern.compile(
            "[a-zA-Z0-9.-]+(:[0-9]+)?(/[a-z0-9]+([._-][a-z0-9]+)*)+(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?@sha256:[a-f0-9]{64}");

    private ExternalBuild() {
    }

    /**
     * Succeeded once the annotation names an image for every component, else Waiting naming the
     * annotation and the missing components.
     *
     * @throws DeliveryException when the annotation is malformed
     */
    public static BuildProgress poll(Generation generation, List<BuildComponent> components) {
        Map<String, String> annotations = generation.getMetadata().getAnnotations();
        String value = annotations == null ? null : annotations.get(IMAGES_ANNOTATION);
        ImageRefs reported = value == null || value.isBlank() ? new ImageRefs(new TreeMap<>())
                : parse(generation.getMetadata().getName(), value);
        List<String> missing = new ArrayList<>();
        SortedMap<String, String> images = new TreeMap<>();
        for (BuildComponent component : components) {
            if (reported.has(component.name())) {
                images.put(component.name(), reported.of(component.name()));
            } else {
                missing.add(component.name());
            }
        }
        if (!missing.isEmpty()) {
            return new BuildProgress.Waiting("waiting for the repository's CI to report images in annotation "
                    + IMAGES_ANNOTATION + " on Generation " + generation.getMetadata().getName() + "; missing: "
                    + String.join(", ", missing));
        }
        return new BuildProgress.Succeeded(new ImageRefs(images));
    }

    /** Reads {@code api=…,ui=…}; {@code generation} only names the object in errors. */
    static ImageRefs parse(String generation, String value) {
        SortedMap<String, String> refs = new TreeMap<>();
        for (String entry : value.split(",")) {
            String trimmed = entry.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int eq = trimmed.indexOf('=');
            String component = eq < 0 ? "" : trimmed.substring(0, eq).strip();
            String ref = eq < 0 ? "" : trimmed.substring(eq + 1).strip();
            if (!COMPONENT.matcher(component).matches() || !DIGEST_REF.matcher(ref).matches()) {
                throw malformed(generation, "'" + trimmed + "'");
            }
            if (refs.put(component, ref) != null) {
                throw malformed(generation, "component " + component + " appears twice");
            }
        }
        return new ImageRefs(refs);
    }

    private static DeliveryException malformed(String generation, String what) {
        return new DeliveryException("annotation " + IMAGES_ANNOTATION + " on Generation " + generation + ": " + what
                + " is not valid; expected " + EXPECTED_FORMAT);
    }
}
