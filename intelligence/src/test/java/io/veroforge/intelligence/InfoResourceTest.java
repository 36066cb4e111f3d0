package io.veroforge.intelligence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class InfoResourceTest {

    @Test
    void serviceIsReady() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"));
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
