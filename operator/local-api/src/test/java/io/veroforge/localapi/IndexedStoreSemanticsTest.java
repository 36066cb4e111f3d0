package io.veroforge.localapi;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The Kubernetes semantics the operator relies on, against the indexed store with many writers at
 * once: optimistic concurrency (a stale resourceVersion is a 409, no update is lost), resourceVersions
 * that only grow, watch events in commit order, label and field selectors, finalizers.
 */
class IndexedStoreSemanticsTest {
    private static LocalKubernetesApi api;
    private static KubernetesClient client;

    @BeforeAll
    static void start() {
        api = LocalKubernetesApi.start(0);
        client = api.newClient();
    }

    @AfterAll
    static void stop() {
        client.close();
        api.close();
    }

    private static ConfigMap configMap(String namespace, String name, Map<String, String> labels) {
        return new ConfigMapBuilder().withNewMetadata().withNamespace(namespace).withName(name).withLabels(labels).endMetadata()
                .addToData("n", "0").build();
    }

    @Test
    void anUpdateCarryingAStaleResourceVersionIsAConflictAndChangesNothing() {
        ConfigMap created = client.resource(configMap("stale", "cm", Map.of())).create();
        ConfigMap first = new ConfigMapBuilder(created).addToData("n", "1").build();
        ConfigMap updated = client.resource(first).update();
        assertThat(Long.parseLong(updated.getMetadata().getResourceVersion()))
                .isGreaterThan(Long.parseLong(created.getMetadata().getResourceVersion()));

        ConfigMap fromStale = new ConfigMapBuilder(created).addToData("n", "2").build();
        assertThatThrownBy(() -> client.resource(fromStale).update())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));
        assertThat(client.configMaps().inNamespace("stale").withName("cm").get().getData()).containsEntry("n", "1");
    }

    @Test
    void creatingAnExistingNameIsAConflictEvenWhenTwoCreatesRace() throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(8);
        List<Future<Boolean>> creates = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            creates.add(writers.submit(() -> {
                try {
                    client.resource(configMap("race", "only-one", Map.of())).create();
                    return true;
                } catch (KubernetesClientException e) {
                    assertThat(e.getCode()).isEqualTo(409);
                    return false;
                }
            }));
        }
        int won = 0;
        for (Future<Boolean> create : creates) {
            won += create.get(30, TimeUnit.SECONDS) ? 1 : 0;
        }
        writers.shutdown();
        assertThat(won).isEqualTo(1);
    }

    @Test
    void concurrentReadModifyWriteLoopsLoseNoUpdate() throws Exception {
        client.resource(configMap("counter", "shared", Map.of())).create();
        int writers = 8;
        int editsEach = 25;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<Integer>> conflicts = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            conflicts.add(pool.submit(() -> {
                int seen = 0;
                for (int e = 0; e < editsEach; e++) {
                    while (true) {
                        ConfigMap current = client.configMaps().inNamespace("counter").withName("shared").get();
                        current.getData().put("w" + writer + "-" + e, "x");
                        try {
                            client.resource(current).update(); // carries the resourceVersion it read
                            break;
                        } catch (KubernetesClientException conflict) {
                            assertThat(conflict.getCode()).isEqualTo(409);
                            seen++;
                        }
                    }
                }
                return seen;
            }));
        }
        for (Future<Integer> f : conflicts) {
            f.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();
        // every key of every writer is there: no write was lost to another computed from the same version
        assertThat(client.configMaps().inNamespace("counter").withName("shared").get().getData()).hasSize(1 + writers * editsEach);
    }

    @Test
    void concurrentCreatesGetDistinctResourceVersionsAndAWatchSeesThemInCommitOrder() throws Exception {
        List<Long> watched = new CopyOnWriteArrayList<>();
        Set<String> names = ConcurrentHashMap.newKeySet();
        try (Watch watch = client.configMaps().inNamespace("order").watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, ConfigMap resource) {
                watched.add(Long.parseLong(resource.getMetadata().getResourceVersion()));
                names.add(resource.getMetadata().getName());
            }

            @Override
            public void onClose(WatcherException cause) {
            }
        })) {
            ExecutorService writers = Executors.newFixedThreadPool(8);
            List<Future<String>> versions = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String name = "cm-" + i;
                versions.add(writers.submit(() -> {
                    ConfigMap created = client.resource(configMap("order", name, Map.of())).create();
                    // and one update each, racing the other creates
                    return client.resource(new ConfigMapBuilder(created).addToData("n", "1").build()).update()
                            .getMetadata().getResourceVersion() + "," + created.getMetadata().getResourceVersion();
                }));
            }
            Set<String> written = new HashSet<>();
            for (Future<String> v : versions) {
                written.addAll(List.of(v.get(1, TimeUnit.MINUTES).split(",")));
            }
            writers.shutdown();
            assertThat(written).hasSize(400); // no resourceVersion handed out twice
            await().atMost(30, TimeUnit.SECONDS).until(() -> watched.size() >= 400);
            assertThat(watched).hasSize(400).isSorted().doesNotHaveDuplicates();
            assertThat(names).hasSize(200);
        }
    }

    @Test
    void labelAndFieldSelectorsListAndWatchOnlyWhatTheySelect() throws Exception {
        client.resource(configMap("labels", "a1", Map.of("tier", "a"))).create();
        client.resource(configMap("labels", "a2", Map.of("tier", "a", "extra", "yes"))).create();
        client.resource(configMap("labels", "b1", Map.of("tier", "b"))).create();
        client.resource(configMap("labels", "none", Map.of())).create();
        client.resource(configMap("other", "a1", Map.of("tier", "a"))).create();

        assertThat(names(client.configMaps().inNamespace("labels").withLabel("tier", "a").list().getItems())).containsExactly("a1", "a2");
        assertThat(names(client.configMaps().inNamespace("labels").withoutLabel("tier", "a").list().getItems())).containsExactly("b1", "none");
        assertThat(names(client.configMaps().inNamespace("labels").withLabel("extra").list().getItems())).containsExactly("a2");
        assertThat(names(client.configMaps().inNamespace("labels").withoutLabel("tier").list().getItems())).containsExactly("none");
        assertThat(client.configMaps().inAnyNamespace().withLabel("tier", "a").list().getItems()).hasSize(3);
        assertThat(names(client.configMaps().inNamespace("labels").withField("metadata.name", "b1").list().getItems())).containsExactly("b1");

        List<String> events = new CopyOnWriteArrayList<>();
        try (Watch watch = client.configMaps().inNamespace("labels").withName("b1").watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, ConfigMap resource) {
                events.add(action + " " + resource.getMetadata().getName());
            }

            @Override
            public void onClose(WatcherException cause) {
            }
        })) {
            client.configMaps().inNamespace("labels").withName("a1").edit(cm -> new ConfigMapBuilder(cm).addToData("n", "2").build());
            client.configMaps().inNamespace("labels").withName("b1").edit(cm -> new ConfigMapBuilder(cm).addToData("n", "2").build());
            await().atMost(10, TimeUnit.SECONDS).until(() -> events.contains("MODIFIED b1"));
            assertThat(events).allMatch(e -> e.endsWith(" b1"));
        }
    }

    @Test
    void aFinalizerHoldsADeletedObjectUntilItIsRemovedAndTheDeletionIsTheNewestVersion() {
        ConfigMap held = client.resource(new ConfigMapBuilder(configMap("finalizers", "held", Map.of()))
                .editMetadata().addToFinalizers("example.com/keep").endMetadata().build()).create();
        client.resource(held).delete();
        ConfigMap marked = client.configMaps().inNamespace("finalizers").withName("held").get();
        assertThat(marked.getMetadata().getDeletionTimestamp()).isNotNull();
        List<String> events = new CopyOnWriteArrayList<>();
        long[] markedVersion = { Long.parseLong(marked.getMetadata().getResourceVersion()) };
        try (Watch watch = client.configMaps().inNamespace("finalizers").watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, ConfigMap resource) {
                events.add(action + " " + (Long.parseLong(resource.getMetadata().getResourceVersion()) > markedVersion[0]));
            }

            @Override
            public void onClose(WatcherException cause) {
            }
        })) {
            client.configMaps().inNamespace("finalizers").withName("held")
                    .edit(cm -> new ConfigMapBuilder(cm).editMetadata().withFinalizers(List.of()).endMetadata().build());
            await().atMost(10, TimeUnit.SECONDS).until(() -> events.stream().anyMatch(e -> e.startsWith("DELETED")));
            assertThat(events).containsExactly("ADDED false", "DELETED true");
        }
        assertThat(client.configMaps().inNamespace("finalizers").withName("held").get()).isNull();
    }

    @Test
    void aWatchFromAResourceVersionReplaysOnlyTheLaterChangesAndOneTooOldIsGone() throws Exception {
        ObjectStore store = new ObjectStore(io.fabric8.kubernetes.client.utils.Serialization.jsonMapper(), 3);
        IndexedCrudDispatcher crud = new IndexedCrudDispatcher(store, io.fabric8.kubernetes.client.utils.Serialization.jsonMapper());
        String path = "/api/v1/namespaces/replay/configmaps";
        for (int i = 0; i < 5; i++) {
            crud.dispatch(new io.fabric8.mockwebserver.http.RecordedRequest("HTTP/1.1", io.fabric8.mockwebserver.dsl.HttpMethod.POST, path,
                    io.fabric8.mockwebserver.http.Headers.builder().build(), new io.fabric8.mockwebserver.http.Buffer(
                            ("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"cm" + i + "\"}}").getBytes())));
        }
        assertThat(store.resourceVersion()).isEqualTo(5);
        List<String> replayed = new CopyOnWriteArrayList<>();
        List<String> gone = new CopyOnWriteArrayList<>();
        WatchStream.Client recorder = new WatchStream.Client() {
            @Override
            public void event(String type, String object) {
                replayed.add(type + " " + HttpWatchStreams.read(io.fabric8.kubernetes.client.utils.Serialization.jsonMapper(), object)
                        .path("metadata").path("name").asText());
            }

            @Override
            public void gone(String message) {
                gone.add(message);
            }
        };
        store.watch(crud.query(path), 3, recorder);
        await().atMost(5, TimeUnit.SECONDS).until(() -> replayed.size() >= 2);
        assertThat(replayed).containsExactly("ADDED cm3", "ADDED cm4");

        store.watch(crud.query(path), 1, recorder); // changes 2 and earlier are no longer kept
        await().atMost(5, TimeUnit.SECONDS).until(() -> !gone.isEmpty());
        assertThat(gone.get(0)).contains("too old resource version: 1");
        store.close();
    }

    private static List<String> names(List<ConfigMap> items) {
        return items.stream().map(c -> c.getMetadata().getName()).toList();
    }
}
