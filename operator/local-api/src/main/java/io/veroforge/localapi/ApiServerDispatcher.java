package io.veroforge.localapi;

import java.net.HttpURLConnection;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

/**
 * Makes the CRUD store ({@link IndexedCrudDispatcher}) look enough like kube-apiserver for kubectl: real
 * discovery documents (built-in kinds plus every stored CRD), OpenAPI v3 stubs for
 * {@code apply}, Table responses for {@code get}, and validation of what is written
 * ({@link ValidatingWrites}). Everything else is the CRUD dispatcher.
 * Paths are matched without their query string, since kubectl adds {@code ?timeout=32s}.
 */
final class ApiServerDispatcher extends Dispatcher {

    private final IndexedCrudDispatcher crud;
    private final StoredCrds crds;
    private final ValidatingWrites writes;
    private final ObjectMapper json;
    private final DiscoveryDocuments discovery;
    private final OpenApiDocuments openApi;
    private final TableConverter tables;
    private final AccessReviews reviews;

    ApiServerDispatcher(IndexedCrudDispatcher crud, ObjectMapper json, DiscoveryDocuments discovery,
            TableConverter tables) {
        this.crud = crud;
        this.crds = crud.crds();
        this.writes = new ValidatingWrites(crud, crds, json);
        this.json = json;
        this.discovery = discovery;
        this.openApi = new OpenApiDocuments(json);
        this.tables = tables;
        this.reviews = new AccessReviews(json);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String contentType = header(request, "Content-Type");
        if (contentType != null && contentType.contains("protobuf")) {
            // typed kubectl commands (create ns, create configmap) send protobuf; 415 makes
            // client-go retry the request as JSON
            return status(415, "UnsupportedMediaType", "the local API accepts JSON only, not " + contentType);
        }
        try {
            return route(request);
        } catch (RuntimeException e) {
            // without this, the connection would hang with no response
            return status(500, "InternalError", String.valueOf(e.getMessage()));
        }
    }

    private MockResponse route(RecordedRequest request) {
        String path = pathOf(request.getPath());
        boolean get = "GET".equalsIgnoreCase(request.getMethod());
        if (get && DiscoveryDocuments.isDiscoveryPath(path)) {
            return json(discovery.answer(path, types()));
        }
        if (get && OpenApiDocuments.isOpenApiPath(path)) {
            return json(openApi.answer(path, types()));
        }
        Optional<MockResponse> review = reviews.answer(request, path);
        if (review.isPresent()) {
            return review.get();
        }
        String contentType = header(request, "Content-Type");
        MockResponse response = MergingPatches.isApply(request, contentType) || MergingPatches.isMergePatch(request, contentType)
                ? MergingPatches.handle(request, writes)
                : writes.dispatch(request);
        if (response.getHeaders().header("Content-Type") == null) {
            response.setHeader("Content-Type", "application/json");
        }
        if (get && response.code() == HttpURLConnection.HTTP_OK && response.getBody() != null) {
            typedList(response, path);
        }
        if (get && response.code() == HttpURLConnection.HTTP_OK && TableConverter.wantsTable(header(request, "Accept"))
                && response.getBody() != null && response.getBody().size() > 0) {
            JsonNode body = HttpWatchStreams.read(json, new String(response.getBody().getBytes(), StandardCharsets.UTF_8));
            if (body.has("metadata")) {
                String includeObject = queryParam(request.getPath(), "includeObject");
                response.setBody(tables.toTable(body, typeOfPath(path), includeObject).toString());
            }
        }
        return response;
    }

    /** {@code pathAndQuery} without the query parameter {@code name}. */
    static String withoutQueryParam(String pathAndQuery, String name) {
        int q = pathAndQuery.indexOf('?');
        if (q < 0) {
            return pathAndQuery;
        }
        StringBuilder path = new StringBuilder(pathAndQuery.substring(0, q));
        String separator = "?";
        for (String pair : pathAndQuery.substring(q + 1).split("&")) {
            if (!pair.startsWith(name + "=") && !pair.isEmpty()) {
                path.append(separator).append(pair);
                separator = "&";
            }
        }
        return path.toString();
    }

    /**
     * The store answers every list as {@code v1 List}; kube-apiserver says {@code EventList} and
     * so on, and typed clients (kubectl describe's event search) find nothing in anything else.
     */
    private void typedList(MockResponse response, String path) {
        String body = new String(response.getBody().getBytes(), StandardCharsets.UTF_8);
        String untyped = "{\"apiVersion\":\"v1\",\"kind\":\"List\",";
        if (!body.startsWith(untyped)) {
            return;
        }
        ResourcePath.of(path).filter(t -> t.name() == null)
                .ifPresent(t -> crds.kind(t.group(), t.plural()).ifPresent(kind -> response.setBody("{\"apiVersion\":\""
                        + (t.group().isEmpty() ? t.version() : t.group() + "/" + t.version()) + "\",\"kind\":\"" + kind
                        + "List\"," + body.substring(untyped.length()))));
    }

    /** Built-in kinds followed by every served version of every stored CRD. */
    List<ApiResourceType> types() {
        List<ApiResourceType> types = new ArrayList<>(BuiltInApiResources.ALL);
        for (JsonNode crd : crds.all()) {
            types.addAll(ApiResourceType.fromCrd(crd));
        }
        return types;
    }

    /** The resource type a REST path addresses ({@code /apis/g/v/namespaces/ns/plural/name}), if known. */
    ApiResourceType typeOfPath(String path) {
        String[] s = DiscoveryDocuments.segments(path);
        String group;
        int restStart;
        if (s.length >= 3 && s[0].equals("api")) {
            group = "";
            restStart = 2;
        } else if (s.length >= 4 && s[0].equals("apis")) {
            group = s[1];
            restStart = 3;
        } else {
            return null;
        }
        String version = s[restStart - 1];
        int rest = s.length - restStart;
        String plural = s[restStart].equals("namespaces") && rest >= 3 ? s[restStart + 2] : s[restStart];
        return types().stream()
                .filter(t -> t.group().equals(group) && t.version().equals(version) && t.plural().equals(plural))
                .findFirst().orElse(null);
    }

    private static MockResponse json(Optional<String> body) {
        return body.map(b -> new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
                .setBody(b))
                .orElseGet(() -> new MockResponse().setResponseCode(404).setHeader("Content-Type", "application/json")
                        .setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                                + "\"message\":\"the server could not find the requested resource\","
                                + "\"reason\":\"NotFound\",\"code\":404}"));
    }

    private MockResponse status(int code, String reason, String message) {
        com.fasterxml.jackson.databind.node.ObjectNode status = json.createObjectNode();
        status.put("kind", "Status").put("apiVersion", "v1").put("status", "Failure").put("message", message)
                .put("reason", reason).put("code", code);
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json")
                .setBody(status.toString());
    }

    static String header(RecordedRequest request, String name) {
        String value = request.getHeader(name);
        return value != null ? value : request.getHeader(name.toLowerCase());
    }

    static String pathOf(String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        return q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    }

    static String queryParam(String pathAndQuery, String name) {
        int q = pathAndQuery.indexOf('?');
        if (q < 0) {
            return null;
        }
        for (String pair : pathAndQuery.substring(q + 1).split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals(name)) {
                return kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
            }
        }
        return null;
    }
}
