package io.veroforge.localapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Finds the stored CustomResourceDefinition of a group and plural. Asked on every write and list,
 * so only the store's CRDs are looked at, each parsed once (keyed by its stored text, which changes
 * with it), and kinds the local API serves itself ({@link BuiltInApiResources}) are never looked up.
 */
final class StoredCrds {
    private static final int PARSED_KEPT = 64;

    private final ObjectStore store;
    private final ObjectMapper json;
    private final Map<String, JsonNode> parsed = new ConcurrentHashMap<>();

    StoredCrds(ObjectStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    /** Every stored CRD, parsed. */
    List<JsonNode> all() {
        List<JsonNode> all = new ArrayList<>();
        for (StoredObject stored : store.all(ResourceType.CRDS)) {
            if (parsed.size() > PARSED_KEPT) {
                parsed.clear(); // old versions of edited CRDs; the current ones are parsed again
            }
            all.add(parsed.computeIfAbsent(stored.json(), s -> HttpWatchStreams.read(json, s)));
        }
        return all;
    }

    Optional<JsonNode> find(String group, String plural) {
        if (group.isEmpty() || BuiltInApiResources.ALL.stream().anyMatch(t -> t.group().equals(group) && t.plural().equals(plural))) {
            return Optional.empty();
        }
        for (JsonNode crd : all()) {
            JsonNode spec = crd.path("spec");
            if (group.equals(spec.path("group").asText()) && plural.equals(spec.path("names").path("plural").asText())) {
                return Optional.of(crd);
            }
        }
        return Optional.empty();
    }

    /** The openAPIV3Schema of the CRD's version, if the CRD and the version exist. */
    Optional<JsonNode> schema(String group, String version, String plural) {
        return version(group, version, plural).filter(v -> v.path("schema").has("openAPIV3Schema"))
                .map(v -> v.path("schema").path("openAPIV3Schema"));
    }

    /** Whether the CRD serving this type has a status subresource (built-in kinds: no, as in the Fabric8 mock). */
    boolean hasStatusSubresource(ResourceType type) {
        return version(type.group(), type.version(), type.plural()).map(v -> v.path("subresources").has("status")).orElse(false);
    }

    private Optional<JsonNode> version(String group, String version, String plural) {
        return find(group, plural).flatMap(crd -> {
            for (JsonNode v : crd.path("spec").path("versions")) {
                if (version.equals(v.path("name").asText())) {
                    return Optional.of(v);
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
