package io.veroforge.localapi;

import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.mockwebserver.crud.AttributeSet;

/**
 * Finds the stored CustomResourceDefinition of a group and plural. Asked on every write and list,
 * so each stored CRD is parsed once (keyed by its stored text, which changes with it), and kinds
 * the local API serves itself ({@link BuiltInApiResources}) are never looked up.
 */
final class StoredCrds {
    private static final int PARSED_KEPT = 64;

    private final Map<AttributeSet, String> store;
    private final ObjectMapper json;
    private final Map<String, JsonNode> parsed = new ConcurrentHashMap<>();

    StoredCrds(Map<AttributeSet, String> store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    Optional<JsonNode> find(String group, String plural) {
        if (group.isEmpty() || BuiltInApiResources.ALL.stream().anyMatch(t -> t.group().equals(group) && t.plural().equals(plural))) {
            return Optional.empty();
        }
        for (String stored : new ArrayList<>(store.values())) {
            if (!stored.contains("CustomResourceDefinition")) {
                continue;
            }
            if (parsed.size() > PARSED_KEPT) {
                parsed.clear(); // old versions of edited CRDs; the current ones are parsed again
            }
            JsonNode crd = parsed.computeIfAbsent(stored, s -> HttpWatchStreams.read(json, s));
            JsonNode spec = crd.path("spec");
            if ("CustomResourceDefinition".equals(crd.path("kind").asText()) && group.equals(spec.path("group").asText())
                    && plural.equals(spec.path("names").path("plural").asText())) {
                return Optional.of(crd);
            }
        }
        return Optional.empty();
    }

    /** The openAPIV3Schema of the CRD's version, if the CRD and the version exist. */
    Optional<JsonNode> schema(String group, String version, String plural) {
        return find(group, plural).flatMap(crd -> {
            for (JsonNode v : crd.path("spec").path("versions")) {
                if (version.equals(v.path("name").asText()) && v.path("schema").has("openAPIV3Schema")) {
                    return Optional.of(v.path("schema").path("openAPIV3Schema"));
                }
            }
            return Optional.empty();
        });
    }

    /** The kind a list of {@code /group/version/plural} holds, for built-in kinds and CRDs alike. */
    Optional<String> kind(String group, String plural) {
        return BuiltInApiResources.ALL.stream().filter(t -> t.group().equals(group) && t.plural().equals(plural))
                .map(ApiResourceType::kind).findFirst()
                .or(() -> find(group, plural).map(crd -> crd.path("spec").path("names").path("kind").asText()));
    }
}
