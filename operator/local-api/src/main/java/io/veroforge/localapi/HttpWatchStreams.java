package io.veroforge.localapi;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.fabric8.mockwebserver.crud.AttributeSet;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * Serves {@code ?watch=true} requests over plain HTTP as a chunked stream of watch events
 * ({@code {"type":"MODIFIED","object":{...}}} per line), the way kube-apiserver does for kubectl
 * ({@code kubectl get -w}, {@code kubectl wait}, {@code kubectl delete} waiting for finalizers).
 * The mock server's own watches are WebSocket only and stay in use for the Fabric8 client.
 *
 * <p>A watch starting at a resourceVersion first receives every matching object changed after
 * it (as ADDED), then live events. Label selectors are not applied; field selectors are
 * ({@link FieldSelector}).
 */
final class HttpWatchStreams implements ObservedCrudDispatcher.ChangeListener {

    private record Stream(HttpServerResponse response, AttributeSet query, FieldSelector fields, boolean table,
            ApiResourceType type, String includeObject) {

        boolean matches(AttributeSet attributes, String state, ObjectMapper json) {
            if (attributes == null || !attributes.matches(query)) {
                return false;
            }
            return fields.selectsAll() || fields.matches(read(json, state));
        }
    }

    private final Set<Stream> streams = new CopyOnWriteArraySet<>();
    private final Vertx vertx;
    private final ObjectMapper json;
    private final TableConverter tables;
    private Map<AttributeSet, String> store = Map.of();
    private Function<String, AttributeSet> pathAttributes = p -> new AttributeSet();
    private Function<String, ApiResourceType> typeOfPath = p -> null;

    HttpWatchStreams(Vertx vertx, ObjectMapper json, TableConverter tables) {
        this.vertx = vertx;
        this.json = json;
        this.tables = tables;
    }

    void attach(Map<AttributeSet, String> store, Function<String, AttributeSet> pathAttributes,
            Function<String, ApiResourceType> typeOfPath) {
        this.store = store;
        this.pathAttributes = pathAttributes;
        this.typeOfPath = typeOfPath;
    }

    static boolean isHttpWatch(HttpServerRequest request) {
        String upgrade = request.getHeader("Upgrade");
        String watch = request.getParam("watch");
        return (upgrade == null || !upgrade.toLowerCase().contains("websocket"))
                && ("true".equals(watch) || "1".equals(watch));
    }

    /** Runs on the server's event loop, like the CRUD dispatcher, so no change slips in between. */
    void open(HttpServerRequest request) {
        request.resume();
        String path = request.path();
        AttributeSet query = pathAttributes.apply(path);
        FieldSelector fields = FieldSelector.parse(request.getParam("fieldSelector"));
        ApiResourceType type = typeOfPath.apply(path);
        Stream stream = new Stream(request.response(), query, fields,
                TableConverter.wantsTable(request.getHeader("Accept")), type, request.getParam("includeObject"));
        HttpServerResponse response = request.response();
        response.setStatusCode(200).setChunked(true).putHeader("Content-Type", "application/json");
        // at once, as kube-apiserver does: client-go counts kubectl wait's --timeout only from the
        // response headers, so headers held back until the first event made it wait for minutes
        response.writeHead();
        long since = parseLong(request.getParam("resourceVersion"));
        store.forEach((attributes, state) -> {
            if (stream.matches(attributes, state, json)
                    && parseLong(read(json, state).path("metadata").path("resourceVersion").asText()) > since) {
                send(stream, "ADDED", state);
            }
        });
        streams.add(stream);
        response.closeHandler(v -> streams.remove(stream));
        String timeout = request.getParam("timeoutSeconds");
        if (timeout != null && parseLong(timeout) > 0) {
            vertx.setTimer(parseLong(timeout) * 1000, t -> close(stream));
        }
    }

    @Override
    public void changed(AttributeSet oldAttributes, String oldState, AttributeSet newAttributes, String newState) {
        for (Stream stream : streams) {
            boolean matchesOld = oldState != null && stream.matches(oldAttributes, oldState, json);
            boolean matchesNew = newState != null && stream.matches(newAttributes, newState, json);
            if (matchesOld && matchesNew) {
                send(stream, "MODIFIED", newState);
            } else if (matchesOld) {
                send(stream, "DELETED", oldState);
            } else if (matchesNew) {
                send(stream, "ADDED", newState);
            }
        }
    }

    void closeAll() {
        streams.forEach(this::close);
    }

    private void close(Stream stream) {
        streams.remove(stream);
        if (!stream.response().ended() && !stream.response().closed()) {
            stream.response().end();
        }
    }

    private void send(Stream stream, String type, String state) {
        if (stream.response().ended() || stream.response().closed()) {
            streams.remove(stream);
            return;
        }
        JsonNode object = read(json, state);
        ObjectNode event = json.createObjectNode();
        event.put("type", type);
        event.set("object", stream.table() ? tables.toTable(object, stream.type(), stream.includeObject()) : object);
        try {
            stream.response().write(json.writeValueAsString(event) + "\n");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long parseLong(String s) {
        try {
            return s == null || s.isBlank() ? 0 : Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static JsonNode read(ObjectMapper json, String state) {
        try {
            return json.readTree(state);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
