package io.veroforge.localapi;

import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;

/**
 * An in-process Kubernetes API on 127.0.0.1 over plain HTTP: the Fabric8 Kubernetes Mock
 * Server's CRUD behaviour (the same the operator's tests use) over an indexed store that serves
 * requests concurrently ({@link IndexedCrudDispatcher}, {@link ObjectStore}), behind
 * {@link ApiServerDispatcher} so that kubectl can discover, print, apply and delete resources,
 * and with chunked HTTP watches ({@link HttpWatchStreams}) so {@code kubectl get -w} and
 * {@code kubectl wait} work.
 *
 * <p>It serves from its own Vert.x HTTP server rather than {@code KubernetesMockServer}'s,
 * because that one writes each response in one piece and cannot stream a watch, and dispatches
 * every request on the one event loop ({@link WorkerThreadRequests}).
 */
public final class LocalKubernetesApi implements AutoCloseable {
    /** Above etcd's 1.5 MiB request limit, so whatever a real API server accepts is watched here too. */
    static final int MAX_OBJECT_BYTES = 4 * 1024 * 1024;

    private final Vertx vertx;
    private final HttpServer server;
    private final HttpWatchStreams watches;
    private final ObjectStore store;

    private LocalKubernetesApi(Vertx vertx, HttpServer server, HttpWatchStreams watches, ObjectStore store) {
        this.vertx = vertx;
        this.server = server;
        this.watches = watches;
        this.store = store;
    }

    /** Starts on 127.0.0.1:{@code port}; 0 picks a free port. */
    public static LocalKubernetesApi start(int port) {
        ObjectMapper json = Serialization.jsonMapper();
        Vertx vertx = Vertx.vertx();
        TableConverter tables = new TableConverter(json);
        ObjectStore store = new ObjectStore(json);
        HttpWatchStreams watches = new HttpWatchStreams(vertx, json, tables, store);
        IndexedCrudDispatcher crud = new IndexedCrudDispatcher(store, json);
        HttpServer server = vertx.createHttpServer(new HttpServerOptions()
                .setHost("127.0.0.1")
                .setPort(port)
                // Vert.x splits a WebSocket message into frames of this size (64 KiB by default),
                // and the Fabric8 Vert.x client (7.3) asks for one frame at a time after the first
                // message: the second frame of a watch event is never read and the watch stalls
                // silently (fabric8io/kubernetes-client#7347). One frame per event, as
                // kube-apiserver sends them, up to the largest object it would store.
                .setMaxWebSocketFrameSize(MAX_OBJECT_BYTES)
                .setMaxWebSocketMessageSize(MAX_OBJECT_BYTES)
                .setHandle100ContinueAutomatically(true));
        // the discovery documents name the server address, which is known only once bound
        ApiServerDispatcher[] dispatcher = new ApiServerDispatcher[1];
        WorkerThreadRequests requests = new WorkerThreadRequests(vertx, new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return dispatcher[0].dispatch(request);
            }
        });
        server.requestHandler(request -> {
            if (HttpWatchStreams.isHttpWatch(request)) {
                watches.open(request);
            } else {
                requests.handle(request);
            }
        });
        await(server.listen());
        dispatcher[0] = new ApiServerDispatcher(crud, json,
                new DiscoveryDocuments(json, "127.0.0.1:" + server.actualPort()), tables);
        watches.attach(crud::query, dispatcher[0]::typeOfPath);
        return new LocalKubernetesApi(vertx, server, watches, store);
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return server.actualPort();
    }

    /** Client settings that never read ~/.kube: this API, namespace {@code default}. */
    public Config clientConfig() {
        return new ConfigBuilder(Config.empty()).withMasterUrl(url()).withTrustCerts(true).withNamespace("default")
                .build();
    }

    public KubernetesClient newClient() {
        return new KubernetesClientBuilder().withConfig(clientConfig()).build();
    }

    /** Creates or replaces the given CRDs, after which kubectl discovers their kinds. */
    public void install(List<CustomResourceDefinition> crds) {
        try (KubernetesClient client = newClient()) {
            for (CustomResourceDefinition crd : crds) {
                crd.getMetadata().setResourceVersion(null);
                client.apiextensions().v1().customResourceDefinitions().resource(crd)
                        .createOr(existing -> existing.patch(PatchContext.of(
                                io.fabric8.kubernetes.client.dsl.base.PatchType.JSON_MERGE), crd));
            }
        }
    }

    @Override
    public void close() {
        watches.closeAll();
        store.close();
        try {
            await(server.close());
        } finally {
            await(vertx.close());
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Local Kubernetes API: " + e.getMessage(), e);
        }
    }
}
