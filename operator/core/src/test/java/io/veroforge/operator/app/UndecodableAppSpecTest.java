package io.veroforge.operator.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.veroforge.api.v1alpha1.AppSpec;
import io.veroforge.operator.testing.CloudNativePgDiscovery;
import io.veroforge.operator.testing.TestPostgres;

/**
 * An AppSpec the API server should have refused (written raw: the mock enforces no schema) does
 * not stop the AppSpec controller: it is still reconciled, counted, and the next AppSpec is too.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true, setup = CloudNativePgDiscovery.class)
@QuarkusTestResource(TestPostgres.class)
class UndecodableAppSpecTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    KubernetesClient client;

    @Test
    void aMalformedAppSpecIsCountedAndTheNextOneIsStillRecorded() {
        String namespace = "apps-" + UUID.randomUUID().toString().substring(0, 8);
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build()).create();
        GenericKubernetesResource raw = new GenericKubernetesResource();
        raw.setApiVersion("veroforge.io/v1alpha1");
        raw.setKind("AppSpec");
        raw.setMetadata(new ObjectMetaBuilder().withName("pigeon-post").withNamespace(namespace).build());
        raw.setAdditionalProperty("spec", Map.of("vertical", "fitness", "colour", "blue",
                "entities", List.of(Map.of("name", "Member")), "delivery", Map.of("mode", "carrier-pigeon")));
        client.genericKubernetesResources("veroforge.io/v1alpha1", "AppSpec").resource(raw).create();

        AppSpec good = new AppSpec();
        good.setMetadata(new ObjectMetaBuilder().withName("after-pigeon").withNamespace(namespace).build());
        good.setSpec(client.getKubernetesSerialization().convertValue(
                Map.of("vertical", "fitness", "entities", List.of(Map.of("name", "Member"))), io.veroforge.api.v1alpha1.AppSpecSpec.class));
        client.resource(good).create();

        await().atMost(WAIT).until(() -> {
            AppSpec a = client.resources(AppSpec.class).inNamespace(namespace).withName("after-pigeon").get();
            return a.getStatus() != null && "after-pigeon-1".equals(a.getStatus().getLatestGeneration());
        });
        await().atMost(WAIT).until(() -> {
            AppSpec a = client.resources(AppSpec.class).inNamespace(namespace).withName("pigeon-post").get();
            return a.getStatus() != null && a.getStatus().condition("Ready").isPresent();
        });
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics.lines().filter(l -> l.startsWith("veroforge_undecodable_objects_total{")
                && l.contains("kind=\"AppSpec\"")).findFirst())
                .hasValueSatisfying(l -> assertThat(Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).isEqualTo(1.0));
    }
}
