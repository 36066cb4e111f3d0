package io.veroforge.localapi;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

/**
 * The admission the mock store lacks, in front of it for every create (POST) and replace (PUT),
 * which is also where {@link MergingPatches} ends up: {@code metadata.name} rules for every kind,
 * and for custom resources the CRD's schema and CEL rules ({@link CustomResourceValidation}),
 * answered as kube-apiserver answers ({@link InvalidObjectResponses}). Unknown fields are pruned,
 * or refused under {@code fieldValidation=Strict} as kubectl asks by default. Status subresource
 * writes (the operator's) and JSON patches pass unchecked. A write with {@code dryRun=All} (the
 * console's preview) is answered as kube-apiserver answers it, the object as it would be stored, and
 * never reaches the store: the mock store itself ignores {@code dryRun} and would persist it.
 */
final class ValidatingWrites extends Dispatcher {
    private final Dispatcher store;
    private final StoredCrds crds;
    private final ObjectMapper json;
    private final CustomResourceValidation validation = new CustomResourceValidation();
    private final InvalidObjectResponses responses;

    ValidatingWrites(Dispatcher store, StoredCrds crds, ObjectMapper json) {
        this.store = store;
        this.crds = crds;
        this.json = json;
        this.responses = new InvalidObjectResponses(json);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String method = request.getMethod().toUpperCase();
        boolean create = method.equals("POST");
        if (!create && !method.equals("PUT")) {
            return store.dispatch(request);
        }
        Optional<ResourcePath> target = ResourcePath.of(ApiServerDispatcher.pathOf(request.getPath()));
        JsonNode body = readBody(request);
        if (target.isEmpty() || !(body instanceof ObjectNode object)) {
            return store.dispatch(request);
        }
        String kind = object.path("kind").asText();
        String name = object.path("metadata").path("name").asText(null);
        List<FieldError> errors = new ArrayList<>();
        if (create && !(name == null && object.path("metadata").has("generateName"))) {
            ObjectNames.problem(kind, name).ifPresent(errors::add);
        }
        Optional<JsonNode> schema = crds.schema(target.get().group(), target.get().version(), target.get().plural());
        List<String> pruned = List.of();
        if (schema.isPresent()) {
            JsonNode old = create ? null : stored(request.getPath()).orElse(null);
            StructuralSchemaCheck.Result result = validation.validate(schema.get(), object, old);
            errors.addAll(result.errors());
            pruned = result.pruned();
        }
        if (!errors.isEmpty()) {
            return responses.invalid(target.get().group(), kind, name == null ? "" : name, errors);
        }
        String fieldValidation = ApiServerDispatcher.queryParam(request.getPath(), "fieldValidation");
        if (!pruned.isEmpty() && "Strict".equals(fieldValidation)) {
            return responses.unknownFields(kind, target.get().version(), pruned);
        }
        if ("All".equals(ApiServerDispatcher.queryParam(request.getPath(), "dryRun"))) {
            return dryRun(request, object, create);
        }
        MockResponse response = store.dispatch(new RecordedRequest(request.getHttpVersion(), HttpMethod.valueOf(method),
                request.getPath(), request.getHeaders(), new Buffer(object.toString().getBytes(StandardCharsets.UTF_8))));
        if (!pruned.isEmpty() && "Warn".equals(fieldValidation)) {
            pruned.forEach(f -> response.addHeader("Warning", "299 - \"unknown field \\\"" + f + "\\\"\""));
        }
        return response;
    }

    /** What the write would store: metadata the store would add is left out, as nothing is stored. */
    private MockResponse dryRun(RecordedRequest request, ObjectNode object, boolean create) {
        String path = ApiServerDispatcher.pathOf(request.getPath());
        String itemPath = create ? path + "/" + object.path("metadata").path("name").asText() : path;
        // a create of an existing name (409) and an update of a missing object (404): the store's answers, as they store nothing
        if (create == stored(itemPath).isPresent()) {
            return store.dispatch(new RecordedRequest("HTTP/1.1", HttpMethod.GET, ApiServerDispatcher.pathOf(request.getPath()),
                    Headers.builder().build(), new Buffer(new byte[0])));
        }
        return new MockResponse().setResponseCode(create ? 201 : 200).setHeader("Content-Type", "application/json")
                .setBody(object.toString());
    }

    private Optional<JsonNode> stored(String pathAndQuery) {
        MockResponse current = store.dispatch(new RecordedRequest("HTTP/1.1", HttpMethod.GET,
                ApiServerDispatcher.pathOf(pathAndQuery), Headers.builder().build(), new Buffer(new byte[0])));
        if (current.code() != 200 || current.getBody() == null) {
            return Optional.empty();
        }
        return Optional.of(HttpWatchStreams.read(json, new String(current.getBody().getBytes(), StandardCharsets.UTF_8)));
    }

    private JsonNode readBody(RecordedRequest request) {
        if (request.getBody() == null || request.getBody().size() == 0) {
            return null;
        }
        try {
            return json.readTree(request.getBody().getBytes());
        } catch (java.io.IOException e) {
            return null; // not JSON: the store answers as it would
        }
    }
}
