package io.veroforge.localapi;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

/**
 * The two PATCH kinds the mock gets wrong, done as RFC 7386 says (objects merged key by key, null
 * removes, lists replaced whole — the mock's own merge patch appends to lists, which duplicates
 * status conditions and, for {@code kubectl apply} of an edited AppSpec, its entities), the result
 * written back with PUT:
 * <ul>
 * <li>server-side apply ({@code application/apply-patch+yaml}), which the mock rejects with 415 and
 * the operator uses when built with QOSDK's default {@code enable-ssa=true} (a build-time setting, so
 * {@code --local} cannot turn it off): an absent object is created, a present one merged. There is
 * no field ownership, so a field dropped from a later apply is kept rather than removed; good
 * enough for a local playground, not a conformance claim;</li>
 * <li>JSON merge patch ({@code application/merge-patch+json}, what {@code kubectl apply} and
 * {@code kubectl patch --type merge} send for custom resources): a present object merged, an absent
 * one 404. A {@code metadata.resourceVersion} in the patch is a precondition (409 when stale).</li>
 * </ul>
 */
final class MergingPatches {

    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    private MergingPatches() {
    }

    static boolean isApply(RecordedRequest request, String contentType) {
        return "PATCH".equalsIgnoreCase(request.getMethod()) && contentType != null
                && contentType.contains("apply-patch");
    }

    static boolean isMergePatch(RecordedRequest request, String contentType) {
        return "PATCH".equalsIgnoreCase(request.getMethod()) && contentType != null
                && contentType.contains("merge-patch+json");
    }

    /** A merge computed from a version another writer replaced meanwhile is computed again, this often at most. */
    private static final int ATTEMPTS = 20;

    /**
     * A patch without {@code metadata.resourceVersion} is unconditional: when the object changed between
     * the read and the write (409), it is merged again into the new version, as kube-apiserver does.
     */
    static MockResponse handle(RecordedRequest request, Dispatcher crud) {
        MockResponse response = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            response = attempt(request, crud);
            if (response.code() != 409 || preconditioned(request)) {
                return response;
            }
        }
        return response;
    }

    private static boolean preconditioned(RecordedRequest request) {
        try {
            return read(request.getBody().getBytes()).path("metadata").hasNonNull("resourceVersion");
        } catch (java.io.IOException e) {
            return true;
        }
    }

    private static MockResponse attempt(RecordedRequest request, Dispatcher crud) {
        boolean apply = isApply(request, ApiServerDispatcher.header(request, "Content-Type"));
        String path = ApiServerDispatcher.pathOf(request.getPath());
        JsonNode applied;
        try {
            applied = read(request.getBody().getBytes());
        } catch (java.io.IOException e) {
            return new MockResponse().setResponseCode(400).setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\","
                    + "\"status\":\"Failure\",\"reason\":\"BadRequest\",\"code\":400,\"message\":\"apply body is not YAML/JSON\"}");
        }
        byte[] json = applied.toString().getBytes(StandardCharsets.UTF_8);
        boolean status = path.endsWith("/status");
        String objectPath = status ? path.substring(0, path.length() - "/status".length()) : path;
        MockResponse current = crud.dispatch(new RecordedRequest("HTTP/1.1", HttpMethod.GET, objectPath,
                Headers.builder().build(), new Buffer(new byte[0])));
        if (current.code() == 200) {
            JsonNode merged;
            try {
                JsonNode stored = read(current.getBody().readByteArray());
                String expected = applied.path("metadata").path("resourceVersion").asText(null);
                if (!apply && expected != null && !expected.equals(stored.path("metadata").path("resourceVersion").asText())) {
                    return new MockResponse().setResponseCode(409).setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                            + "\"reason\":\"Conflict\",\"code\":409,\"message\":\"the object has been modified; please apply your changes to the latest version and try again\"}");
                }
                merged = merge(stored, applied);
            } catch (java.io.IOException e) {
                return new MockResponse().setResponseCode(500).setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":500}");
            }
            return crud.dispatch(new RecordedRequest("HTTP/1.1", HttpMethod.PUT, path + dryRun(request),
                    Headers.builder().setHeaders(request.getHeaders()).set("Content-Type", "application/json").build(),
                    new Buffer(merged.toString().getBytes(StandardCharsets.UTF_8))));
        }
        if (status || !apply) {
            return current;
        }
        String collection = objectPath.substring(0, objectPath.lastIndexOf('/'));
        return crud.dispatch(new RecordedRequest("HTTP/1.1", HttpMethod.POST, collection + dryRun(request),
                Headers.builder().setHeaders(request.getHeaders()).set("Content-Type", "application/json").build(),
                new Buffer(json)));
    }

    /**
     * A dry-run patch stays a dry run once it is a PUT or POST ({@link ValidatingWrites} answers those without
     * storing); dropped, the console's preview of an annotation patch would carry the action out.
     */
    private static String dryRun(RecordedRequest request) {
        return "All".equals(ApiServerDispatcher.queryParam(request.getPath(), "dryRun")) ? "?dryRun=All" : "";
    }

    /** JSON bodies (nearly all) with the JSON parser, which is much faster than the YAML one. */
    private static JsonNode read(byte[] body) throws java.io.IOException {
        int i = 0;
        while (i < body.length && Character.isWhitespace(body[i])) {
            i++;
        }
        return i < body.length && body[i] == '{' ? JSON.readTree(body) : YAML.readTree(body);
    }

    /** RFC 7386: objects merge key by key, null removes, anything else (lists included) replaces. */
    static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject() || !target.isObject()) {
            return patch;
        }
        ObjectNode result = ((ObjectNode) target).deepCopy();
        patch.fields().forEachRemaining(e -> {
            if (e.getValue().isNull()) {
                result.remove(e.getKey());
            } else {
                JsonNode existing = result.get(e.getKey());
                result.set(e.getKey(), existing == null ? e.getValue() : merge(existing, e.getValue()));
            }
        });
        return result;
    }
}
