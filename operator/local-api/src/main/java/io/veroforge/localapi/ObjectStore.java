package io.veroforge.localapi;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The local API's objects, indexed by resource type, then namespace and name (sorted, as etcd
 * keeps them), with the guarantees the operator relies on from kube-apiserver:
 * <ul>
 * <li>reads never wait: a get is one lookup, a list walks only its type (and namespace);</li>
 * <li>writes are committed one at a time under a single short lock, which a write takes when it is
 * handed its resourceVersion ({@link #nextResourceVersion}) and gives up when its request is done
 * ({@link #releaseCommits}): resourceVersions are committed in the order they are handed out, so
 * they only grow, in the store and on every watch;</li>
 * <li>a commit names the version it was computed from and fails ({@link StaleRead}) when another
 * writer committed that object first: the write is computed again from the new version, which
 * makes a stale {@code metadata.resourceVersion} a 409 and an unconditional write win, as in
 * kube-apiserver;</li>
 * <li>each commit is handed to the watches of its type in commit order, by reference (no copy of
 * the store); a watch from a resourceVersion replays the recent changes after it, or is told 410
 * Gone when they are no longer kept, and the client lists again.</li>
 * </ul>
 */
final class ObjectStore implements AutoCloseable {

    /** Changes kept for watches that resume from a resourceVersion (kube-apiserver's watch cache). */
    static final int HISTORY = 10_000;

    /** Thrown by a commit computed from a version that is no longer the stored one. */
    static final class StaleRead extends RuntimeException {
        StaleRead() {
            super(null, null, false, false);
        }
    }

    private record Change(long resourceVersion, ResourceType type, StoredObject before, StoredObject after, StoredObject deleted) {
    }

    private final Map<ResourceType, ConcurrentSkipListMap<String, StoredObject>> objects = new ConcurrentHashMap<>();
    private final Map<ResourceType, Set<WatchStream>> watches = new ConcurrentHashMap<>();
    private final ReentrantLock commits = new ReentrantLock();
    private final Deque<Change> history = new ArrayDeque<>();
    private final ObjectMapper json;
    private final ExecutorService delivery = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "local-api-watch");
        t.setDaemon(true);
        return t;
    });
    /** Guarded by {@link #commits}. */
    private long issued;
    /** The newest resourceVersion whose change is in the store (what a list answers with). */
    private volatile long committed;
    /** Guarded by {@link #commits}: the newest resourceVersion no longer in {@link #history}. */
    private long forgotten;

    private final int historySize;

    ObjectStore(ObjectMapper json) {
        this(json, HISTORY);
    }

    ObjectStore(ObjectMapper json, int historySize) {
        this.json = json;
        this.historySize = historySize;
    }

    StoredObject get(ResourceType type, String namespace, String name) {
        Map<String, StoredObject> ofType = objects.get(type);
        return ofType == null ? null : ofType.get(StoredObject.key(namespace, name));
    }

    /** A consistent snapshot: exactly the objects as of the resourceVersion it answers with. */
    record Listing(long resourceVersion, List<StoredObject> items) {
    }

    Listing list(ObjectQuery query) {
        List<StoredObject> candidates;
        long at;
        commits.lock();
        try {
            at = committed;
            candidates = new ArrayList<>(candidates(query).values());
        } finally {
            commits.unlock();
        }
        candidates.removeIf(o -> !query.matches(o, json));
        return new Listing(at, candidates);
    }

    /** Every stored object of a type (a few CRDs, say), without a consistent snapshot. */
    Iterable<StoredObject> all(ResourceType type) {
        Map<String, StoredObject> ofType = objects.get(type);
        return ofType == null ? List.of() : ofType.values();
    }

    private NavigableMap<String, StoredObject> candidates(ObjectQuery query) {
        ConcurrentSkipListMap<String, StoredObject> ofType = objects.get(query.type());
        if (ofType == null) {
            return new ConcurrentSkipListMap<>();
        }
        if (query.namespace() != null) {
            // "ns/" up to "ns0": '0' follows '/'
            return ofType.subMap(query.namespace() + "/", true, query.namespace() + "0", false);
        }
        return ofType;
    }

    /** Takes the commit lock (held until {@link #releaseCommits}) and hands out the next resourceVersion. */
    long nextResourceVersion() {
        commits.lock();
        return ++issued;
    }

    /** Gives up the commit lock however often this thread took it; a no-op when it holds none. */
    void releaseCommits() {
        while (commits.isHeldByCurrentThread()) {
            commits.unlock();
        }
    }

    /**
     * Stores {@code after} in place of {@code before} (null: there was none) and hands the change to
     * the watches; with {@code after} null the object is removed, its last state (carrying the
     * deletion's resourceVersion) being {@code deleted}.
     *
     * @throws StaleRead when {@code before} is no longer what is stored
     */
    void commit(ResourceType type, StoredObject before, StoredObject after, StoredObject deleted) {
        commits.lock();
        try {
            ConcurrentSkipListMap<String, StoredObject> ofType = objects.computeIfAbsent(type, t -> new ConcurrentSkipListMap<>());
            String key = after != null ? after.key() : before.key();
            if (ofType.get(key) != before) {
                throw new StaleRead();
            }
            if (after == null) {
                ofType.remove(key);
            } else {
                ofType.put(key, after);
            }
            if (before != null && after != null && after.resourceVersion() == before.resourceVersion()) {
                return; // the text changed but not the object (no new resourceVersion): no event, as kube-apiserver sends none
            }
            long version = (after != null ? after : deleted).resourceVersion();
            committed = Math.max(committed, version);
            Change change = new Change(version, type, before, after, deleted);
            history.addLast(change);
            if (history.size() > historySize) {
                forgotten = history.removeFirst().resourceVersion();
            }
            for (WatchStream watch : watches.getOrDefault(type, Set.of())) {
                deliver(change, watch);
            }
        } finally {
            commits.unlock();
        }
    }

    private void deliver(Change change, WatchStream watch) {
        boolean wasSeen = change.before() != null && watch.query().matches(change.before(), json);
        boolean isSeen = change.after() != null && watch.query().matches(change.after(), json);
        if (wasSeen && isSeen) {
            watch.enqueue("MODIFIED", change.after().json());
        } else if (wasSeen) {
            // deleted, or no longer selected: kube-apiserver says DELETED either way
            watch.enqueue("DELETED", (change.after() == null ? change.deleted() : change.after()).json());
        } else if (isSeen) {
            watch.enqueue("ADDED", change.after().json());
        }
    }

    /**
     * Opens a watch. {@code since} null (or 0): every matching object as ADDED, then each change;
     * otherwise the kept changes after {@code since}, then each change, or 410 Gone when changes
     * after it are no longer kept.
     */
    WatchStream watch(ObjectQuery query, long since, WatchStream.Client client) {
        WatchStream watch = new WatchStream(query, client, delivery);
        commits.lock();
        try {
            if (since <= 0) {
                for (StoredObject object : candidates(query).values()) {
                    if (query.matches(object, json)) {
                        watch.enqueue("ADDED", object.json());
                    }
                }
            } else if (since < forgotten || since > committed) {
                watch.enqueueGone("too old resource version: " + since + " (" + forgotten + ")");
                return watch;
            } else {
                for (Change change : history) {
                    if (change.resourceVersion() > since && change.type().equals(query.type())) {
                        deliver(change, watch);
                    }
                }
            }
            watches.computeIfAbsent(query.type(), t -> new CopyOnWriteArraySet<>()).add(watch);
        } finally {
            commits.unlock();
        }
        return watch;
    }

    void unwatch(WatchStream watch) {
        watch.close();
        Set<WatchStream> ofType = watches.get(watch.query().type());
        if (ofType != null) {
            ofType.remove(watch);
        }
    }

    int objectCount() {
        return objects.values().stream().mapToInt(Map::size).sum();
    }

    long resourceVersion() {
        return committed;
    }

    @Override
    public void close() {
        watches.values().forEach(set -> set.forEach(WatchStream::close));
        delivery.shutdownNow();
    }
}
