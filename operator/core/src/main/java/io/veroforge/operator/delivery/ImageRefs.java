package io.veroforge.operator.delivery;

import java.util.Collection;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The image reference deployed for each component of one Generation. */
public record ImageRefs(SortedMap<String, String> byComponent) {

    public ImageRefs {
        byComponent = Collections.unmodifiableSortedMap(new TreeMap<>(byComponent));
    }

    /** What an in-cluster build pushes: {@code <registry>/<tenant>/<app>-<component>:<commit sha>}. */
    public static ImageRefs built(String registry, String tenant, String app, String commitSha,
            Collection<BuildComponent> components) {
        String prefix = registry.replaceAll("/+$", "") + "/" + tenant + "/" + app + "-";
        SortedMap<String, String> refs = new TreeMap<>();
        for (BuildComponent component : components) {
            refs.put(component.name(), prefix + component.name() + ":" + commitSha);
        }
        return new ImageRefs(refs);
    }

    public String of(String component) {
        return byComponent.get(component);
    }

    public boolean has(String component) {
        return byComponent.containsKey(component);
    }

    /** {@code api=…,ui=…}: the form of the {@value ExternalBuild#IMAGES_ANNOTATION} annotation. */
    @Override
    public String toString() {
        return byComponent.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }
}
