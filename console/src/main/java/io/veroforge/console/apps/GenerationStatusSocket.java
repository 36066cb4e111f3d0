package io.veroforge.console.apps;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Inject;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.PathParam;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.Blocking;
import io.veroforge.api.v1alpha1.Generation;
import io.veroforge.console.access.ClusterClients;
import io.veroforge.console.access.ConsoleUser;

/**
 * Live timeline of one Generation: its {@link GenerationView} as JSON on subscribe and on every change the watch
 * reports. The watch runs with the client acting as the user (RBAC decides in a cluster), and every event re-checks
 * that the Tenant is still the user's. A subscription to anything not theirs is closed at once with 4404, having
 * sent nothing — the same answer as for a Generation that does not exist.
 */
@WebSocket(path = "/ws/tenants/{tenant}/apps/{app}/generations/{name}")
public class GenerationStatusSocket {
    /** Application-defined close code (4000-4999), as for the Tenant socket. */
    public static final int NOT_FOUND = 4404;

    private record Subscription(KubernetesClient client, Watch watch) {
    }

    private static final Map<String, Subscription> SUBSCRIPTIONS = new ConcurrentHashMap<>();

    @Inject
    SecurityIdentity identity;
    @Inject
    AppDirectory directory;
    @Inject
    ClusterClients clients;

    @OnOpen
    @Blocking
    public void open(WebSocketConnection connection, @PathParam String tenant, @PathParam String app,
            @PathParam String name) {
        ConsoleUser user = ConsoleUser.of(identity);
        var generation = directory.generation(user, tenant, app, name);
        if (generation.isEmpty()) {
            connection.closeAndAwait(new CloseReason(NOT_FOUND, "no Generation " + name + " of app " + app
                    + " in a Tenant " + tenant + " that you own"));
            return;
        }
        // The watch starts before the state is read and sent, and both send under one lock: a change made while
        // subscribing is then either in what is read or in an event sent after it, never lost between the two.
        Object sending = new Object();
        KubernetesClient client = clients.actingAs(user);
        Watch watch = client.resources(Generation.class).inNamespace(generation.get().getMetadata().getNamespace())
                .withName(name).watch(new Watcher<>() {
                    @Override
                    public void eventReceived(Action action, Generation changed) {
                        // the local API's WebSocket watch ignores the name's field selector: never forward another
                        if (changed == null || !name.equals(changed.getMetadata().getName())
                                || action != Action.ADDED && action != Action.MODIFIED && action != Action.DELETED) {
                            return;
                        }
                        if (action == Action.DELETED || directory.tenant(user, tenant).isEmpty()) {
                            connection.close(new CloseReason(NOT_FOUND, "Generation " + name + " is gone or no longer yours ("
                                    + action + ")")).subscribe().with(done -> { }, failure -> { });
                            return;
                        }
                        synchronized (sending) {
                            try {
                                connection.sendTextAndAwait(GenerationView.of(tenant, app, changed));
                            } catch (RuntimeException closedMeanwhile) {
                                // the browser went away; @OnClose ends the watch
                            }
                        }
                    }

                    @Override
                    public void onClose(WatcherException cause) {
                        connection.close(new CloseReason(1011, "timeline watch ended; reload to resubscribe"))
                                .subscribe().with(done -> { }, failure -> { });
                    }
                });
        SUBSCRIPTIONS.put(connection.id(), new Subscription(client, watch));
        synchronized (sending) {
            directory.generation(user, tenant, app, name).ifPresent(now -> connection.sendTextAndAwait(
                    GenerationView.of(tenant, app, now)));
        }
        if (!connection.isOpen()) {
            // closed while the watch was being opened: @OnClose may have run before there was anything to close
            close(connection);
        }
    }

    @OnClose
    public void close(WebSocketConnection connection) {
        Subscription subscription = SUBSCRIPTIONS.remove(connection.id());
        if (subscription != null) {
            subscription.watch().close();
            subscription.client().close();
        }
    }
}
