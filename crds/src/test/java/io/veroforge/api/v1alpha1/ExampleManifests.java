package io.veroforge.api.v1alpha1;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** The YAML files under crds/examples/, as test input, with small helpers to make invalid variants. */
final class ExampleManifests {
    private static final YAMLMapper YAML = new YAMLMapper();

    private ExampleManifests() {
    }

    static Path folder() {
        return RepoRoot.path().resolve("crds/examples");
    }

    static List<Path> all() {
        try (Stream<Path> files = Files.list(folder())) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode read(Path file) {
        try {
            return (ObjectNode) YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static ObjectNode read(String fileName) {
        return read(folder().resolve(fileName));
    }

    static Class<? extends HasMetadata> kindOf(JsonNode manifest) {
        String kind = manifest.path("kind").asText();
        return CrdManifests.KINDS.stream().filter(k -> k.getSimpleName().equals(kind)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no VeroForge kind named '" + kind + "'"));
    }

    /** Parses a YAML snippet, e.g. {@code "[a, b]"} or {@code "{type: enum}"}. */
    static JsonNode yaml(String snippet) {
        try {
            return YAML.readTree(snippet);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets the value at a JSON pointer (the parent must exist) and returns the manifest. */
    static ObjectNode with(ObjectNode manifest, String pointer, String yamlValue) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = manifest.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        JsonNode value = yaml(yamlValue);
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof com.fasterxml.jackson.databind.node.ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        } else {
            throw new IllegalArgumentException("no object or array at " + pointer.substring(0, slash));
        }
        return manifest;
    }

    /** Removes the property at a JSON pointer and returns the manifest. */
    static ObjectNode without(ObjectNode manifest, String pointer) {
        int slash = pointer.lastIndexOf('/');
        ((ObjectNode) manifest.at(pointer.substring(0, slash))).remove(pointer.substring(slash + 1));
        return manifest;
    }
}
