package io.veroforge.operator.tenant;

import static io.restassured.RestAssured.given;
import static io.veroforge.operator.tenant.TenantFixtures.tenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.veroforge.api.v1alpha1.Tenant;
import io.veroforge.api.v1alpha1.Tier;
import io.veroforge.operator.testing.CloudNativePgDiscovery;
import io.veroforge.operator.testing.TestPostgres;

/**
 * Tenants the API server should have refused (the mock enforces no schema, as an older CRD or a
 * newer one would not either) are written raw into the store. The operator must keep reconciling
 * every other Tenant, report each bad one, count it, and stay live.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true, setup = CloudNativePgDiscovery.class)
@QuarkusTestResource(TestPostgres.class)
class UndecodableTenantTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    KubernetesClient client;

    @Test
    void malformedTenantsAreReportedAndDoNotStopTheController() {
        String numericTier = TestPostgres.tenantName("tier42");
        String unknownTier = TestPostgres.tenantName("gold");
        String unknownField = TestPostgres.tenantName("extra");
        writeRaw(numericTier, Map.of("tier", 42, "owners", List.of(Map.of("kind", "User", "name", "a@example.com"))));
        writeRaw(unknownTier, Map.of("tier", "gold", "owners", List.of(Map.of("kind", "User", "name", "a@example.com"))));
        writeRaw(unknownField, Map.of("tier", "basic", "colour", "blue",
                "owners", List.of(Map.of("kind", "Robot", "name", "a@example.com"))));

        String good = TestPostgres.tenantName("after");
        client.resource(tenant(good, Tier.basic)).create();
        await().atMost(WAIT).until(() -> isTrue(good, "Ready"));

        for (String bad : List.of(numericTier, unknownTier)) {
            await().atMost(WAIT).untilAsserted(() -> assertThat(readyMessage(bad))
                    .contains("InvalidSpec").contains("spec.tier: required; one of basic, pro, enterprise"));
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(readyMessage(unknownField))
                .contains("InvalidSpec").contains("spec.owners[0]"));

        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics.lines().filter(l -> l.startsWith("veroforge_undecodable_objects_total{")
                && l.contains("kind=\"Tenant\"")).findFirst())
                .as("each malformed Tenant counted once")
                .hasValueSatisfying(l -> assertThat(Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                        .isGreaterThanOrEqualTo(3.0));
        assertThat(metrics).as("kinds with nothing unreadable yet are reported at zero")
                .containsPattern("(?m)^veroforge_undecodable_objects_total\\{[^}]*kind=\"Canary\"[^}]*\\} 0\\.0$");
        given().when().get("/q/health/live").then().statusCode(200);
    }

    private void writeRaw(String name, Map<String, Object> spec) {
        GenericKubernetesResource raw = new GenericKubernetesResource();
        raw.setApiVersion("veroforge.io/v1alpha1");
        raw.setKind("Tenant");
        raw.setMetadata(new ObjectMetaBuilder().withName(name).build());
        raw.setAdditionalProperty("spec", spec);
        client.genericKubernetesResources("veroforge.io/v1alpha1", "Tenant").resource(raw).create();
    }

    private boolean isTrue(String name, String type) {
        Tenant t = client.resources(Tenant.class).withName(name).get();
        return t != null && t.getStatus() != null && t.getStatus().isTrue(type);
    }

    /** The Ready condition as "reason: message", read raw so that a malformed spec cannot hide it. */
    @SuppressWarnings("unchecked")
    private String readyMessage(String name) {
        GenericKubernetesResource raw = client.genericKubernetesResources("veroforge.io/v1alpha1", "Tenant")
                .withName(name).get();
        Object status = raw.getAdditionalProperties().get("status");
        if (!(status instanceof Map<?, ?> s) || !(s.get("conditions") instanceof List<?> conditions)) {
            return "";
        }
        return conditions.stream().map(c -> (Map<String, Object>) c).filter(c -> "Ready".equals(c.get("type")))
                .map(c -> c.get("reason") + ": " + c.get("message")).findFirst().orElse("");
    }
}
