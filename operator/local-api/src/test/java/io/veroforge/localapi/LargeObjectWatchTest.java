package io.veroforge.localapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;

import static org.awaitility.Awaitility.await;

/**
 * Objects larger than a 64 KiB WebSocket frame reach a Fabric8 watch, one after the other. Before
 * the local API sent each watch event as one frame, the second such object stalled the watch for
 * good (the client asks for one frame at a time), and with it every later event of that kind.
 */
class LargeObjectWatchTest {

    @Test
    void aWatchReceivesEveryObjectLargerThanAWebSocketFrame() throws Exception {
        try (LocalKubernetesApi api = LocalKubernetesApi.start(0); KubernetesClient client = api.newClient()) {
            List<String> seen = new CopyOnWriteArrayList<>();
            try (Watch watch = client.configMaps().inNamespace("big").watch(new Watcher<ConfigMap>() {
                @Override
                public void eventReceived(Action action, ConfigMap resource) {
                    seen.add(resource.getMetadata().getName());
                }

                @Override
                public void onClose(WatcherException cause) {
                }
            })) {
                for (String name : List.of("first", "second", "third", "small")) {
                    String payload = name.equals("small") ? "x" : "x".repeat(300 * 1024);
                    client.resource(new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace("big").endMetadata()
                            .addToData("payload", payload).build()).create();
                }
                await().atMost(10, TimeUnit.SECONDS).until(() -> seen.size() >= 4);
                assertThat(seen).containsExactly("first", "second", "third", "small");
            }
        }
    }
}
