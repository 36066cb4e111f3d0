package io.veroforge.localapi;

import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.kubernetes.client.server.mock.KubernetesResponseComposer;
import io.fabric8.kubernetes.client.server.mock.crud.KubernetesCrudDispatcherException;
import io.fabric8.kubernetes.client.server.mock.crud.KubernetesCrudDispatcherHandler;
import io.fabric8.kubernetes.client.server.mock.crud.KubernetesCrudPersistence;
import io.fabric8.kubernetes.client.server.mock.crud.PatchHandler;
import io.fabric8.kubernetes.client.server.mock.crud.PostHandler;
import io.fabric8.kubernetes.client.server.mock.crud.PutHandler;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

/**
 * The Fabric8 mock's CRUD behaviour over the indexed {@link ObjectStore}, safe to call from many
 * threads at once. Creates, updates and patches are the mock's own handlers (metadata, generation,
 * status subresource, 409 on a stale resourceVersion, deletion once the last finalizer is gone);
 * only where they find and store objects is replaced ({@link KubernetesCrudPersistence}), by a
 * lookup instead of a scan of every stored object under one lock. A handler whose object another
 * writer changed meanwhile runs again from the new version ({@link ObjectStore.StaleRead}). Gets,
 * lists, deletes (finalizers first mark {@code deletionTimestamp}) and WebSocket watches are served
 * from the index.
 */
final class IndexedCrudDispatcher extends Dispatcher implements KubernetesCrudPersistence {
    /** More concurrent writers of one object than this is not a workload; the client is told to retry. */
    private static final int ATTEMPTS = 50;

    private final ObjectStore store;
    private final ObjectMapper json;
    private final KubernetesAttributesExtractor extractor = new KubernetesAttributesExtractor();
    private final KubernetesResponseComposer lists = new KubernetesResponseComposer();
    private final KubernetesCrudDispatcherHandler post;
    private final KubernetesCrudDispatcherHandler put = new PutHandler(this);
    private final KubernetesCrudDispatcherHandler patch = new PatchHandler(this);
    private final StoredCrds crds;

    /** The version a handler read, handed back to {@link #processEvent} as the key it found. */
    private static final class ReadVersion extends AttributeSet {
        final StoredObject stored;

        ReadVersion(StoredObject stored) {
            this.stored = stored;
        }
    }

    IndexedCrudDispatcher(ObjectStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
        this.post = new PostHandler(extractor, this);
        this.crds = new StoredCrds(store, json);
    }

    StoredCrds crds() {
        return crds;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        return switch (request.method()) {
            case POST -> write(request, post);
            case PUT -> write(request, put);
            case PATCH -> write(request, patch);
            case GET -> get(request.getPath());
            case DELETE -> delete(request.getPath());
            default -> new MockResponse().setResponseCode(HttpURLConnection.HTTP_BAD_METHOD);
        };
    }

    private MockResponse write(RecordedRequest request, KubernetesCrudDispatcherHandler handler) {
        String body = request.getBody() == null ? "" : new String(request.getBody().getBytes(), StandardCharsets.UTF_8);
        String contentType = ApiServerDispatcher.header(request, "Content-Type");
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                return handler.handle(request.getPath(), contentType, body);
            } catch (KubernetesCrudDispatcherException e) {
                return new MockResponse().setResponseCode(e.getCode()).setBody(e.toStatusBody());
            } catch (ObjectStore.StaleRead raced) {
                // another writer committed this object first: compute the write again from its version
            } finally {
                store.releaseCommits();
            }
        }
        return conflict("the object is being written by too many clients at once; try again");
    }

    private MockResponse get(String path) {
        ObjectQuery query = query(path);
        if (query == null) {
            return notFound(path);
        }
        if ("true".equals(ApiServerDispatcher.queryParam(path, "watch"))) {
            return new MockResponse().withWebSocketUpgrade(new WebSocketWatch(store, query,
                    WebSocketWatch.since(ApiServerDispatcher.queryParam(path, "resourceVersion")),
                    ApiServerDispatcher.queryParam(path, "timeoutSeconds")));
        }
        if (query.name() != null) {
            StoredObject object = store.get(query.type(), namespaceOf(query), query.name());
            return object == null ? notFound(path) : ok(object.json());
        }
        ObjectStore.Listing listing = store.list(query);
        return ok(lists.compose(listing.items().stream().map(StoredObject::json).toList(), String.valueOf(listing.resourceVersion())));
    }

    /**
     * An object without finalizers is removed; one with finalizers is marked ({@code deletionTimestamp})
     * and removed by the write that takes the last one away. A collection path deletes each object it lists.
     */
    private MockResponse delete(String path) {
        ObjectQuery query = query(path);
        if (query == null) {
            return notFound(path);
        }
        if (query.name() == null) {
            List<String> deleted = new ArrayList<>();
            for (StoredObject object : store.list(query).items()) {
                String last = deleteOne(query.type(), object.namespace(), object.name());
                if (last != null) {
                    deleted.add(last);
                }
            }
            return ok(lists.compose(deleted, String.valueOf(store.resourceVersion())));
        }
        String last = deleteOne(query.type(), namespaceOf(query), query.name());
        return last == null ? notFound(path) : ok(last);
    }

    /** The object as the deletion left it (removed or marked), or null when there was none. */
    private String deleteOne(ResourceType type, String namespace, String name) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            StoredObject current = store.get(type, namespace, name);
            if (current == null) {
                return null;
            }
            try {
                GenericKubernetesResource resource = Serialization.unmarshal(current.json(), GenericKubernetesResource.class);
                if (resource.getFinalizers().isEmpty()) {
                    StoredObject last = withResourceVersion(current, store.nextResourceVersion());
                    store.commit(type, current, null, last);
                    return last.json();
                }
                if (resource.isMarkedForDeletion()) {
                    return current.json();
                }
                resource.getMetadata().setDeletionTimestamp(ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)
                        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
                resource.getMetadata().setResourceVersion(String.valueOf(store.nextResourceVersion()));
                StoredObject marked = stored(type, resource, Serialization.asJson(resource), current.attributes());
                store.commit(type, current, marked, null);
                return marked.json();
            } catch (ObjectStore.StaleRead raced) {
                // changed meanwhile: decide again on its new version
            } finally {
                store.releaseCommits();
            }
        }
        return null;
    }

    private StoredObject withResourceVersion(StoredObject object, long resourceVersion) {
        ObjectNode node = (ObjectNode) HttpWatchStreams.read(json, object.json());
        ((ObjectNode) node.with("metadata")).put("resourceVersion", String.valueOf(resourceVersion));
        return new StoredObject(object.namespace(), object.name(), resourceVersion, object.attributes(), node.toString());
    }

    /** The list, item or watch a GET or DELETE path addresses; null when it names no resource type. */
    ObjectQuery query(String path) {
        Map<String, String> target = extractor.fromKubernetesPath(path);
        ResourceType type = ResourceType.of(target);
        if (type == null) {
            return null;
        }
        // the field selector is applied here in full, not as the mock's attributes (which know two fields only)
        AttributeSet attributes = extractor.fromPath(ApiServerDispatcher.withoutQueryParam(path, "fieldSelector"));
        return new ObjectQuery(type, target.get(KubernetesAttributesExtractor.NAMESPACE), target.get(KubernetesAttributesExtractor.NAME),
                attributes, FieldSelector.parse(ApiServerDispatcher.queryParam(path, "fieldSelector")));
    }

    private static String namespaceOf(ObjectQuery query) {
        return query.namespace() == null ? "" : query.namespace();
    }

    // --- where the mock's handlers find and store objects ---

    @Override
    public long requestResourceVersion() {
        return store.nextResourceVersion();
    }

    @Override
    public AttributeSet getKey(String path) {
        return extractor.fromPath(path);
    }

    @Override
    public Map.Entry<AttributeSet, String> findResource(AttributeSet attributes) {
        ResourceType type = ResourceType.of(values(attributes));
        String name = value(attributes, KubernetesAttributesExtractor.NAME);
        if (type == null || name == null) {
            return null;
        }
        String namespace = value(attributes, KubernetesAttributesExtractor.NAMESPACE);
        StoredObject object = store.get(type, namespace == null ? "" : namespace, name);
        return object == null ? null : Map.entry(new ReadVersion(object), object.json());
    }

    @Override
    public boolean isStatusSubresourceEnabledForResource(String path) {
        ResourceType type = ResourceType.of(extractor.fromKubernetesPath(path));
        return type != null && crds.hasStatusSubresource(type);
    }

    @Override
    public void processEvent(String path, AttributeSet pathAttributes, AttributeSet oldAttributes, GenericKubernetesResource resource,
            String newState) {
        ResourceType type = ResourceType.of(values(pathAttributes));
        StoredObject before = oldAttributes instanceof ReadVersion read ? read.stored : null;
        if (newState == null) {
            // the last finalizer is gone from an object marked for deletion
            store.commit(type, before, null, withResourceVersion(before, store.nextResourceVersion()));
            return;
        }
        GenericKubernetesResource written = resource != null ? resource : Serialization.unmarshal(newState, GenericKubernetesResource.class);
        store.commit(type, before, stored(type, written, newState, pathAttributes), null);
    }

    /** The object as stored, with the attributes the mock would have keyed it by. */
    private StoredObject stored(ResourceType type, GenericKubernetesResource resource, String state, AttributeSet pathAttributes) {
        AttributeSet attributes = extractor.extract(resource);
        if (!attributes.containsKey(KubernetesAttributesExtractor.PLURAL)) {
            attributes = AttributeSet.merge(pathAttributes, attributes);
        }
        String namespace = resource.getMetadata().getNamespace();
        return new StoredObject(namespace == null ? "" : namespace, resource.getMetadata().getName(),
                parseVersion(resource.getMetadata().getResourceVersion()), attributes, state);
    }

    private static long parseVersion(String resourceVersion) {
        try {
            return resourceVersion == null ? 0 : Long.parseLong(resourceVersion);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Map<String, String> values(AttributeSet attributes) {
        Map<String, String> values = new java.util.HashMap<>();
        for (String key : List.of(KubernetesAttributesExtractor.API, KubernetesAttributesExtractor.VERSION,
                KubernetesAttributesExtractor.PLURAL)) {
            String value = value(attributes, key);
            if (value != null) {
                values.put(key, value);
            }
        }
        return values;
    }

    private static String value(AttributeSet attributes, String key) {
        var attribute = attributes.getAttribute(key);
        return attribute == null || attribute.getValues().isEmpty() ? null : attribute.getValues().get(0).toString();
    }

    @Override
    public void reset() {
        throw new UnsupportedOperationException("the local API's store lives as long as the API");
    }

    private static MockResponse ok(String body) {
        return new MockResponse().setResponseCode(HttpURLConnection.HTTP_OK).setBody(body);
    }

    private static MockResponse conflict(String message) {
        return new MockResponse().setResponseCode(HttpURLConnection.HTTP_CONFLICT).setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\","
                + "\"status\":\"Failure\",\"reason\":\"Conflict\",\"code\":409,\"message\":\"" + message + "\"}");
    }

    private static MockResponse notFound(String path) {
        return new MockResponse().setResponseCode(HttpURLConnection.HTTP_NOT_FOUND);
    }
}
