package io.veroforge.console.tenants;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Inject;

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
import io.veroforge.api.v1alpha1.Tenant;
import io.veroforge.console.access.ClusterClients;
import io.veroforge.console.access.ConsoleUser;
import io.veroforge.console.access.TenantOwnership;

/**
 * Live status of one Tenant: its summary as JSON on subscribe and on every change the API watch reports. A
 * subscription to a Tenant the user does not own is closed at once with code 4404, having sent nothing.
 */
@WebSocket(path = "/ws/tenants/{name}")
public class TenantStatusSocket {
    /** Application-defined close code (4000-4999): same answer for "not yours" and "does not exist". */
    public static final int NOT_FOUND = 4404;

    private static final Map<String, Watch> WATCHES = new ConcurrentHashMap<>();

    @Inject
    SecurityIdentity identity;
    @Inject
    TenantDirectory directory;
    @Inject
    ClusterClients clients;

    @OnOpen
    @Blocking
    public void open(WebSocketConnection connection, @PathParam String name) {
        ConsoleUser user = ConsoleUser.of(identity);
        var tenant = directory.find(user, name);
        if (tenant.isEmpty()) {
            connection.closeAndAwait(new CloseReason(NOT_FOUND, "no Tenant " + name + " that you own"));
            return;
        }
        connection.sendTextAndAwait(TenantSummary.of(tenant.get()));
        Watch watch = clients.console().resources(Tenant.class).withName(name).watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, Tenant changed) {
                // a watch by name may still deliver other Tenants (the local API's WebSocket watch ignores the
                // name's field selector); never forward one
                if (changed == null || !name.equals(changed.getMetadata().getName())) {
                    return;
                }
                if (action != Action.ADDED && action != Action.MODIFIED && action != Action.DELETED) {
                    return;
                }
                if (action == Action.DELETED || !TenantOwnership.owns(user, changed)) {
                    connection.close(new CloseReason(NOT_FOUND, "Tenant " + name + " is gone or no longer yours ("
                            + action + ")"))
                            .subscribe().with(done -> { }, failure -> { });
                    return;
                }
                connection.sendText(TenantSummary.of(changed)).subscribe().with(done -> { }, failure -> { });
            }

            @Override
            public void onClose(WatcherException cause) {
                connection.close(new CloseReason(1011, "status watch ended; reload to resubscribe"))
                        .subscribe().with(done -> { }, failure -> { });
            }
        });
        WATCHES.put(connection.id(), watch);
    }

    @OnClose
    public void close(WebSocketConnection connection) {
        Watch watch = WATCHES.remove(connection.id());
        if (watch != null) {
            watch.close();
        }
    }
}
