package io.veroforge.intelligence;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Generated apps' usage and satisfaction events through the HTTP ingest: stored under the
 * customer the token was issued for (never the one the body claims), and only those two types.
 */
@QuarkusTest
@WithTestResource(Infrastructure.class)
class IngestEndpointTest {
    private static final String APP = "Bearer " + Infrastructure.APP_TOKEN;

    @Test
    void usageAndFeedbackLandInTheStoreUnderTheTokensCustomer() throws Exception {
        String template = "ingest-" + UUID.randomUUID().toString().substring(0, 8) + "@1";
        String body = "[" + appEvent("usage", template, "\"metrics\":{\"pageViews\":3}") + ","
                + appEvent("satisfaction", template, "\"metrics\":{\"useful\":1}") + "]";
        given().header("Authorization", APP).contentType(ContentType.JSON).body(body).post("/api/v1/events")
                .then().statusCode(202);

        String stored = "select type, customer_id from intelligence.telemetry_events where template_id = '" + template + "' order by type";
        Telemetry.awaitUntil(() -> Telemetry.rows(stored).size() == 2, Duration.ofSeconds(60), "2 ingested events");
        assertThat(Telemetry.rows(stored)).containsExactly(
                java.util.List.of("satisfaction", Infrastructure.APP_CUSTOMER), java.util.List.of("usage", Infrastructure.APP_CUSTOMER));
    }

    @Test
    void withoutATokenOrWithPipelineTypesOrBrokenEventsTheBatchIsRefusedNamingTheEvent() {
        given().contentType(ContentType.JSON).body("[]").post("/api/v1/events").then().statusCode(401);
        given().header("Authorization", "Bearer nope").contentType(ContentType.JSON).body("[]").post("/api/v1/events").then().statusCode(401);
        given().header("Authorization", APP).contentType(ContentType.JSON).body("{\"type\":\"usage\"}").post("/api/v1/events")
                .then().statusCode(400).body("problems", hasItem(containsString("JSON array")));
        given().header("Authorization", APP).contentType(ContentType.JSON)
                .body("[" + appEvent("usage", "x@1", "\"metrics\":{}") + "," + appEvent("generation", "x@1", "\"metrics\":{}") + "]")
                .post("/api/v1/events")
                .then().statusCode(422).body("problems", hasItem(containsString("[1].type: apps send usage or satisfaction")));
        given().header("Authorization", APP).contentType(ContentType.JSON)
                .body("[{\"type\":\"usage\",\"data\":{\"templateId\":\"x@1\",\"generationTime\":-5,\"success\":true,\"metrics\":{}}}]")
                .post("/api/v1/events")
                .then().statusCode(422).body("problems", hasItem(containsString("[0]")));
    }

    private static String appEvent(String type, String template, String metrics) {
        // the body claims another customer: the token's customer is what gets stored
        return "{\"type\":\"" + type + "\",\"customerId\":\"" + "ff".repeat(16) + "\",\"data\":{\"templateId\":\"" + template
                + "\",\"generationTime\":0,\"success\":true," + metrics + "}}";
    }
}
