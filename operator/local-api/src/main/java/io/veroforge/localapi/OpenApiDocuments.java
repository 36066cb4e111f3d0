package io.veroforge.localapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Just enough OpenAPI v3 for {@code kubectl apply} with its default {@code --validate=strict}:
 * for every announced kind, a PATCH operation tagged with its group/version/kind that accepts
 * the {@code fieldValidation} query parameter. kubectl then delegates validation to the server
 * (which, being the CRUD mock, accepts the object) instead of downloading the OpenAPI v2
 * document — which it requests as protobuf and which this server cannot produce.
 *
 * <p>No schemas are published, so kubectl computes JSON merge patches for custom resources,
 * which the CRUD dispatcher applies.
 */
final class OpenApiDocuments {

    private final ObjectMapper json;

    OpenApiDocuments(ObjectMapper json) {
        this.json = json;
    }

    static boolean isOpenApiPath(String path) {
        return path.startsWith("/openapi/");
    }

    Optional<String> answer(String path, List<ApiResourceType> types) {
        if (path.equals("/openapi/v3") || path.equals("/openapi/v3/")) {
            return Optional.of(root(types));
        }
        if (path.startsWith("/openapi/v3/")) {
            String groupVersionPath = path.substring("/openapi/v3/".length());
            List<ApiResourceType> inGroupVersion = types.stream()
                    .filter(t -> pathOf(t).equals(groupVersionPath)).toList();
            return inGroupVersion.isEmpty() ? Optional.empty() : Optional.of(groupVersion(inGroupVersion));
        }
        return Optional.empty();
    }

    private static String pathOf(ApiResourceType t) {
        return t.group().isEmpty() ? "api/" + t.version() : "apis/" + t.group() + "/" + t.version();
    }

    private String root(List<ApiResourceType> types) {
        Map<String, List<ApiResourceType>> byPath = new LinkedHashMap<>();
        types.forEach(t -> byPath.computeIfAbsent(pathOf(t), p -> new java.util.ArrayList<>()).add(t));
        ObjectNode root = json.createObjectNode();
        ObjectNode paths = root.putObject("paths");
        byPath.forEach((p, inPath) -> paths.putObject(p).put("serverRelativeURL",
                "/openapi/v3/" + p + "?hash=" + Integer.toHexString(groupVersion(inPath).hashCode()).toUpperCase()));
        return write(root);
    }

    private String groupVersion(List<ApiResourceType> types) {
        ObjectNode doc = json.createObjectNode();
        doc.put("openapi", "3.0.0");
        doc.putObject("info").put("title", "VeroForge local Kubernetes API").put("version", "v1.32.0");
        ObjectNode paths = doc.putObject("paths");
        for (ApiResourceType t : types) {
            String base = "/" + pathOf(t) + (t.namespaced() ? "/namespaces/{namespace}/" : "/") + t.plural();
            ObjectNode item = paths.putObject(base + "/{name}");
            ObjectNode patch = item.putObject("patch");
            ObjectNode param = patch.putArray("parameters").addObject();
            param.put("name", "fieldValidation").put("in", "query").put("description",
                    "fieldValidation instructs the server on how to handle objects in the request containing unknown or duplicate fields.");
            param.putObject("schema").put("type", "string").put("uniqueItems", true);
            patch.put("operationId", "patch" + t.kind());
            patch.putObject("x-kubernetes-group-version-kind").put("group", t.group()).put("version", t.version())
                    .put("kind", t.kind());
            patch.putObject("responses").putObject("200").put("description", "OK");
        }
        doc.putObject("components").putObject("schemas");
        return write(doc);
    }

    private String write(Object node) {
        try {
            return json.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
