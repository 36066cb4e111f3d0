package io.veroforge.intelligence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(Infrastructure.class)
class InfoResourceTest {

    @Test
    void serviceBecomesReadyOnceItsConsumerHasJoinedAndTheDatabaseAnswers() throws Exception {
        // readiness includes the Kafka consumer's assignment, which takes a rebalance after start
        Telemetry.awaitUntil(() -> given().get("/q/health/ready").statusCode() == 200, java.time.Duration.ofSeconds(60), "readiness");
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.hasItems("Database connections health check", "SmallRye Reactive Messaging - readiness check"));
    }

    @Test
    void infoNamesTheServiceAndItsTelemetryTopics() {
        given().when().get("/api/v1/info")
                .then().statusCode(200)
                .body("service", equalTo("veroforge-intelligence"))
                .body("consumes", contains("veroforge_metrics", "veroforge_template_usage", "veroforge_customer_satisfaction"))
                .body("produces", contains("veroforge_patterns", "veroforge_improvements"));
    }
}
