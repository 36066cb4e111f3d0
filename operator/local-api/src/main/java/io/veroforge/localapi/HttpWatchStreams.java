package io.veroforge.localapi;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * Serves {@code ?watch=true} requests over plain HTTP as a chunked stream of watch events
 * ({@code {"type":"MODIFIED","object":{...}}} per line), the way kube-apiserver does for kubectl
 * ({@code kubectl get -w}, {@code kubectl wait}, {@code kubectl delete} waiting for finalizers).
 * The Fabric8 client watches over WebSockets instead ({@link WebSocketWatch}); both are watches of
 * the same store ({@link ObjectStore#watch}): from a resourceVersion the changes after it, else
 * every matching object as ADDED, then each change, selected by labels and fields.
 */
final class HttpWatchStreams {

    private final Set<WatchStream> streams = ConcurrentHashMap.newKeySet();
    private final Vertx vertx;
    private final ObjectMapper json;
    private final TableConverter tables;
    private final ObjectStore store;
    private Function<String, ObjectQuery> queryOfPath = p -> null;
    private Function<String, ApiResourceType> typeOfPath = p -> null;

    HttpWatchStreams(Vertx vertx, ObjectMapper json, TableConverter tables, ObjectStore store) {
        this.vertx = vertx;
        this.json = json;
        this.tables = tables;
        this.store = store;
    }

    void attach(Function<String, ObjectQuery> queryOfPath, Function<String, ApiResourceType> typeOfPath) {
        this.queryOfPath = queryOfPath;
        this.typeOfPath = typeOfPath;
    }

    static boolean isHttpWatch(HttpServerRequest request) {
        String upgrade = request.getHeader("Upgrade");
        String watch = request.getParam("watch");
        return (upgrade == null || !upgrade.toLowerCase().contains("websocket"))
                && ("true".equals(watch) || "1".equals(watch));
    }

    void open(HttpServerRequest request) {
        request.resume();
        HttpServerResponse response = request.response();
        ObjectQuery query = queryOfPath.apply(request.uri());
        if (query == null) {
            response.setStatusCode(404).end();
            return;
        }
        boolean table = TableConverter.wantsTable(request.getHeader("Accept"));
        ApiResourceType type = table ? typeOfPath.apply(request.path()) : null;
        String includeObject = request.getParam("includeObject");
        response.setStatusCode(200).setChunked(true).putHeader("Content-Type", "application/json");
        // at once, as kube-apiserver does: client-go counts kubectl wait's --timeout only from the
        // response headers, so headers held back until the first event made it wait for minutes
        response.writeHead();
        WatchStream[] opened = new WatchStream[1];
        opened[0] = store.watch(query, WebSocketWatch.since(request.getParam("resourceVersion")), new WatchStream.Client() {
            @Override
            public void event(String eventType, String object) {
                if (response.ended() || response.closed()) {
                    close(opened[0], response);
                    return;
                }
                if (!table) {
                    response.write("{\"type\":\"" + eventType + "\",\"object\":" + object + "}\n");
                    return;
                }
                ObjectNode event = json.createObjectNode();
                event.put("type", eventType);
                event.set("object", tables.toTable(read(json, object), type, includeObject));
                response.write(event.toString() + "\n");
            }

            @Override
            public void gone(String message) {
                if (!response.ended() && !response.closed()) {
                    response.end("{\"type\":\"ERROR\",\"object\":{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},"
                            + "\"status\":\"Failure\",\"message\":\"" + message + "\",\"reason\":\"Expired\",\"code\":410}}\n");
                }
            }
        });
        streams.add(opened[0]);
        response.closeHandler(v -> close(opened[0], response));
        long timeout = WebSocketWatch.since(request.getParam("timeoutSeconds"));
        if (timeout > 0) {
            vertx.setTimer(timeout * 1000, t -> close(opened[0], response));
        }
    }

    void closeAll() {
        streams.forEach(s -> store.unwatch(s));
        streams.clear();
    }

    private void close(WatchStream stream, HttpServerResponse response) {
        if (stream != null) {
            streams.remove(stream);
            store.unwatch(stream);
        }
        if (!response.ended() && !response.closed()) {
            response.end();
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
