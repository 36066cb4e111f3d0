package io.veroforge.localapi;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One open watch: the events the store hands it, delivered to its client in the order they were
 * committed, by at most one thread at a time, never while the store holds its commit lock (so a
 * slow client or a table conversion never holds up a write).
 */
final class WatchStream {

    /** Where a watch's events go: a WebSocket (the Fabric8 client) or a chunked HTTP response (kubectl). */
    interface Client {
        /** {@code type} is ADDED, MODIFIED or DELETED; {@code object} the object's JSON. */
        void event(String type, String object);

        /** The watch cannot continue from where it asked (410 Gone): say so and close. */
        void gone(String message);
    }

    private record Event(String type, String object) {
    }

    private static final String GONE = "\u0000gone";

    private final ObjectQuery query;
    private final Client client;
    private final Executor delivery;
    private final Queue<Event> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private volatile boolean closed;

    WatchStream(ObjectQuery query, Client client, Executor delivery) {
        this.query = query;
        this.client = client;
        this.delivery = delivery;
    }

    ObjectQuery query() {
        return query;
    }

    void enqueue(String type, String object) {
        if (!closed) {
            pending.add(new Event(type, object));
            schedule();
        }
    }

    void enqueueGone(String message) {
        pending.add(new Event(GONE, message));
        schedule();
    }

    void close() {
        closed = true;
        pending.clear();
    }

    boolean closed() {
        return closed;
    }

    private void schedule() {
        if (draining.compareAndSet(false, true)) {
            delivery.execute(this::drain);
        }
    }

    private void drain() {
        try {
            for (Event event = pending.poll(); event != null && !closed; event = pending.poll()) {
                if (event.type() == GONE) {
                    closed = true;
                    client.gone(event.object());
                } else {
                    client.event(event.type(), event.object());
                }
            }
        } finally {
            draining.set(false);
            // an event enqueued after the last poll and before the flag was cleared
            if (!pending.isEmpty() && !closed) {
                schedule();
            }
        }
    }
}
