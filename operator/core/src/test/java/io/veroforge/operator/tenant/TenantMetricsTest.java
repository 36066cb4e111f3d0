package io.veroforge.operator.tenant;

import static io.restassured.RestAssured.given;
import static io.veroforge.operator.tenant.TenantFixtures.tenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.veroforge.api.v1alpha1.Tenant;
import io.veroforge.api.v1alpha1.Tier;
import io.veroforge.operator.testing.CloudNativePgDiscovery;
import io.veroforge.operator.testing.TestPostgres;

/** An SRE scraping the operator sees its reconciliation metrics in Prometheus format. */
@QuarkusTest
@WithKubernetesTestServer(crud = true, setup = CloudNativePgDiscovery.class)
@QuarkusTestResource(TestPostgres.class)
class TenantMetricsTest {

    @Inject
    KubernetesClient client;

    @Test
    void prometheusEndpointReportsTenantReconciliations() {
        String name = TestPostgres.tenantName("metrics");
        client.resource(tenant(name, Tier.basic)).create();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Tenant t = client.resources(Tenant.class).withName(name).get();
            return t.getStatus() != null && t.getStatus().isTrue("Ready");
        });

        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics.lines().filter(l -> l.startsWith("operator_sdk_") && l.contains("tenant")).toList())
                .as("JOSDK reconciliation metrics for the tenant controller")
                .isNotEmpty();
        assertThat(metrics).contains("operator_sdk_reconciliations_success_total");
    }
}
