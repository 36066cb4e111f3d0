package io.veroforge.localapi;

import java.util.Locale;

import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.vertx.ServerWebSocketHandler;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * Serves each request on a Vert.x worker thread, so requests from different connections are
 * dispatched at the same time (the store is safe for that, {@link ObjectStore}); the mock server's
 * own handler dispatches on the one event loop, one request after the other. The request and the
 * answer are the mock server's types, so the dispatchers behind stay as they are; a WebSocket
 * upgrade is handed to the mock server's WebSocket handler.
 */
final class WorkerThreadRequests implements Handler<HttpServerRequest> {
    private final Vertx vertx;
    private final Dispatcher dispatcher;

    WorkerThreadRequests(Vertx vertx, Dispatcher dispatcher) {
        this.vertx = vertx;
        this.dispatcher = dispatcher;
    }

    @Override
    public void handle(HttpServerRequest event) {
        event.resume();
        // the mock's handlers tell "no body" (null) from an empty one, as its own request handler does
        String length = event.headers().get("Content-Length");
        boolean hasBody = length != null && !length.isBlank() && Long.parseLong(length.trim()) > 0
                || event.headers().contains("Content-Type");
        (hasBody ? event.body() : io.vertx.core.Future.<Buffer>succeededFuture(null))
                .onFailure(e -> fail(event, e))
                .onSuccess(body -> {
                    RecordedRequest request = new RecordedRequest(event.version().alpnName().toUpperCase(Locale.ROOT),
                            HttpMethod.fromVertx(event.method()), event.uri(), Headers.builder().addAll(event.headers()).build(),
                            new io.fabric8.mockwebserver.http.Buffer(body == null ? null : body.getBytes()));
                    String upgrade = event.getHeader("Upgrade");
                    if (upgrade != null && upgrade.toLowerCase(Locale.ROOT).contains("websocket")) {
                        // a watch: cheap to answer, and Vert.x upgrades only while the request is being handled
                        respond(event, request, dispatcher.dispatch(request));
                        return;
                    }
                    vertx.executeBlocking(() -> dispatcher.dispatch(request), false)
                            .onFailure(e -> fail(event, e))
                            .onSuccess(response -> respond(event, request, response));
                });
    }

    private static void respond(HttpServerRequest event, RecordedRequest request, MockResponse answer) {
        if (answer.getWebSocketListener() != null) {
            event.toWebSocket().onFailure(e -> fail(event, e)).onSuccess(new ServerWebSocketHandler(request, answer));
            return;
        }
        HttpServerResponse response = event.response();
        response.setStatusCode(answer.code());
        answer.getHeaders().toMultimap().forEach((key, values) -> response.headers().add(key, values));
        if (answer.getBody() != null && answer.getBody().size() > 0) {
            response.send(Buffer.buffer(answer.getBody().getBytes()));
        } else {
            response.end();
        }
    }

    private static void fail(HttpServerRequest event, Throwable error) {
        if (!event.response().headWritten()) {
            event.response().setStatusCode(500).setStatusMessage(String.valueOf(error.getMessage())).end();
        }
    }
}
