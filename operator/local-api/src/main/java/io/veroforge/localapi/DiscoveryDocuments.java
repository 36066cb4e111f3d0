package io.veroforge.localapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The legacy discovery documents kubectl reads to learn which resource types exist
 * ({@code /version}, {@code /api}, {@code /api/v1}, {@code /apis}, {@code /apis/<group>},
 * {@code /apis/<group>/<version>}). The mock server's CRUD dispatcher answers these with an
 * empty list, which leaves kubectl with no resource types at all.
 *
 * <p>kubectl 1.32 first asks for aggregated discovery ({@code as=APIGroupDiscoveryList}); when
 * the response's Content-Type is plain {@code application/json} it falls back to these legacy
 * documents, so there is no need to serve the aggregated format.
 */
final class DiscoveryDocuments {

    private final ObjectMapper json;
    private final String serverAddress;

    DiscoveryDocuments(ObjectMapper json, String serverAddress) {
        this.json = json;
        this.serverAddress = serverAddress;
    }

    /** The document for a discovery path (query string already removed), or empty if the path isn't one. */
    Optional<String> answer(String path, List<ApiResourceType> types) {
        String[] s = segments(path);
        if (s.length == 1 && s[0].equals("version")) {
            return Optional.of(version());
        }
        if (s.length == 1 && s[0].equals("api")) {
            return Optional.of(apiVersions());
        }
        if (s.length == 2 && s[0].equals("api") && s[1].equals("v1")) {
            return Optional.of(resourceList("v1", types.stream().filter(t -> t.group().isEmpty()).toList()));
        }
        if (s.length == 1 && s[0].equals("apis")) {
            return Optional.of(groupList(types));
        }
        if (s.length == 2 && s[0].equals("apis")) {
            return group(s[1], types).map(this::write);
        }
        if (s.length == 3 && s[0].equals("apis")) {
            List<ApiResourceType> inVersion = types.stream()
                    .filter(t -> t.group().equals(s[1]) && t.version().equals(s[2])).toList();
            return inVersion.isEmpty() ? Optional.empty() : Optional.of(resourceList(s[1] + "/" + s[2], inVersion));
        }
        return Optional.empty();
    }

    /** True for paths this class owns even when it has no document (an unknown group answers 404). */
    static boolean isDiscoveryPath(String path) {
        String[] s = segments(path);
        return (s.length == 1 && (s[0].equals("version") || s[0].equals("api") || s[0].equals("apis")))
                || (s.length == 2 && s[0].equals("api") && s[1].equals("v1"))
                || (s.length == 2 && s[0].equals("apis"))
                || (s.length == 3 && s[0].equals("apis"));
    }

    static String[] segments(String path) {
        String p = path.replaceAll("^/+", "").replaceAll("/+$", "");
        return p.isEmpty() ? new String[0] : p.split("/");
    }

    private String version() {
        ObjectNode v = json.createObjectNode();
        v.put("major", "1");
        v.put("minor", "32");
        v.put("gitVersion", "v1.32.0-veroforge-local");
        v.put("gitCommit", "local");
        v.put("gitTreeState", "clean");
        v.put("buildDate", "2025-01-01T00:00:00Z");
        v.put("goVersion", "go1.23");
        v.put("compiler", "gc");
        v.put("platform", "linux/amd64");
        return write(v);
    }

    private String apiVersions() {
        ObjectNode v = json.createObjectNode();
        v.put("kind", "APIVersions");
        v.putArray("versions").add("v1");
        ObjectNode cidr = v.putArray("serverAddressByClientCIDRs").addObject();
        cidr.put("clientCIDR", "0.0.0.0/0");
        cidr.put("serverAddress", serverAddress);
        return write(v);
    }

    private String groupList(List<ApiResourceType> types) {
        ObjectNode list = json.createObjectNode();
        list.put("kind", "APIGroupList");
        list.put("apiVersion", "v1");
        ArrayNode groups = list.putArray("groups");
        versionsByGroup(types).keySet().forEach(g -> group(g, types).ifPresent(groups::add));
        return write(list);
    }

    private Optional<ObjectNode> group(String name, List<ApiResourceType> types) {
        List<String> versions = versionsByGroup(types).get(name);
        if (name.isEmpty() || versions == null) {
            return Optional.empty();
        }
        ObjectNode group = json.createObjectNode();
        group.put("kind", "APIGroup");
        group.put("apiVersion", "v1");
        group.put("name", name);
        ArrayNode array = group.putArray("versions");
        versions.forEach(v -> array.addObject().put("groupVersion", name + "/" + v).put("version", v));
        group.putObject("preferredVersion").put("groupVersion", name + "/" + versions.get(0))
                .put("version", versions.get(0));
        return Optional.of(group);
    }

    private static Map<String, List<String>> versionsByGroup(List<ApiResourceType> types) {
        Map<String, List<String>> byGroup = new LinkedHashMap<>();
        types.stream().filter(t -> !t.group().isEmpty()).forEach(t -> {
            List<String> versions = byGroup.computeIfAbsent(t.group(), g -> new java.util.ArrayList<>());
            if (!versions.contains(t.version())) {
                versions.add(t.version());
            }
        });
        return byGroup;
    }

    private String resourceList(String groupVersion, List<ApiResourceType> types) {
        ObjectNode list = json.createObjectNode();
        list.put("kind", "APIResourceList");
        list.put("apiVersion", "v1");
        list.put("groupVersion", groupVersion);
        ArrayNode resources = list.putArray("resources");
        for (ApiResourceType t : types) {
            ObjectNode r = resources.addObject();
            r.put("name", t.plural());
            r.put("singularName", t.singular());
            r.put("namespaced", t.namespaced());
            r.put("kind", t.kind());
            ApiResourceType.VERBS.forEach(r.putArray("verbs")::add);
            if (!t.shortNames().isEmpty()) {
                t.shortNames().forEach(r.putArray("shortNames")::add);
            }
            if (!t.categories().isEmpty()) {
                t.categories().forEach(r.putArray("categories")::add);
            }
            if (t.statusSubresource()) {
                ObjectNode status = resources.addObject();
                status.put("name", t.plural() + "/status");
                status.put("singularName", "");
                status.put("namespaced", t.namespaced());
                status.put("kind", t.kind());
                status.putArray("verbs").add("get").add("patch").add("update");
            }
        }
        return write(list);
    }

    private String write(Object node) {
        try {
            return json.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
