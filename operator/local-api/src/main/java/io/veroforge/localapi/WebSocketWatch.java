package io.veroforge.localapi;

import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;

/**
 * A watch over a WebSocket, as the Fabric8 client (and so every informer of the operator) opens
 * them: each event one text message, {@code {"type":...,"object":...}} built around the stored JSON
 * without parsing it. A resourceVersion too old for the store's history is answered as
 * kube-apiserver answers it, an ERROR event with a 410 Status, on which the client lists again;
 * {@code timeoutSeconds} closes the watch normally and the client resumes from its last event.
 */
final class WebSocketWatch extends WebSocketListener {
    private static final java.util.concurrent.ScheduledExecutorService TIMEOUTS =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "local-api-watch-timeouts");
                t.setDaemon(true);
                return t;
            });

    private final ObjectStore store;
    private final ObjectQuery query;
    private final long since;
    private final long timeoutSeconds;
    private volatile WatchStream stream;

    WebSocketWatch(ObjectStore store, ObjectQuery query, long since, String timeoutSeconds) {
        this.store = store;
        this.query = query;
        this.since = since;
        this.timeoutSeconds = since(timeoutSeconds);
    }

    /** A resourceVersion or timeout parameter as a number; absent or not a number: 0. */
    static long since(String parameter) {
        try {
            return parameter == null || parameter.isBlank() ? 0 : Long.parseLong(parameter.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
        stream = store.watch(query, since, new WatchStream.Client() {
            @Override
            public void event(String type, String object) {
                webSocket.send("{\"type\":\"" + type + "\",\"object\":" + object + "}");
            }

            @Override
            public void gone(String message) {
                webSocket.send("{\"type\":\"ERROR\",\"object\":{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},"
                        + "\"status\":\"Failure\",\"message\":\"" + message + "\",\"reason\":\"Expired\",\"code\":410}}");
                webSocket.close(1000, "410 Gone");
            }
        });
        if (timeoutSeconds > 0) {
            TIMEOUTS.schedule(() -> {
                store.unwatch(stream);
                webSocket.close(1000, "watch timeout");
            }, timeoutSeconds, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
        stop();
        webSocket.close(code, reason);
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
        stop();
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable error, Response response) {
        stop();
        webSocket.close(1011, String.valueOf(error.getMessage()));
    }

    private void stop() {
        WatchStream open = stream;
        if (open != null) {
            store.unwatch(open);
        }
    }
}
