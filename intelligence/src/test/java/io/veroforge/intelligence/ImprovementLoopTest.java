package io.veroforge.intelligence;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The loop from telemetry to an improvement on a real broker and database: twelve tenants making
 * the same customization become one pattern with evidence 12 and a low-risk proposal, which a
 * reviewer approves and which is published; nine tenants are not a pattern; a high-risk proposal
 * is rejected with a reason and nothing is published for it; no tenant identity anywhere.
 */
@QuarkusTest
@WithTestResource(Infrastructure.class)
class ImprovementLoopTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REVIEWER = "Bearer " + Infrastructure.REVIEWER_TOKEN;

    @Test
    void twelveTenantsSameEditBecomeACheckedAutoApprovedPublishedImprovementAndNineTenantsDoNot() throws Exception {
        assertThat(Infrastructure.generatorCommand())
                .as("the checks run the generator module's build: ./mvnw -B -o test -pl generator,intelligence -Dtest=ImprovementLoopTest"
                        + " -Dsurefire.failIfNoSpecifiedTests=false")
                .isNotNull();
        String nineFile = "ui/src/{entity}/Nine" + UUID.randomUUID().toString().substring(0, 6) + ".tsx";
        List<String> customers = sendEdits(12, "twelve", "{\"kind\":\"added_field\",\"ontologyType\":\"Appointment\","
                + "\"fieldType\":\"date\",\"optional\":true}");
        customers.addAll(sendEdits(9, "nine", "{\"kind\":\"changed_template_file\",\"file\":\"" + nineFile + "\"}"));
        awaitStored(21, "customer_edit");

        JsonNode proposals = JSON.readTree(given().header("Authorization", REVIEWER).post("/api/v1/detect")
                .then().statusCode(200).extract().asString());
        JsonNode patterns = JSON.readTree(given().get("/api/v1/patterns").then().statusCode(200).extract().asString());
        JsonNode twelve = only(patterns, "ontologyType=Appointment");
        assertThat(twelve.path("evidenceTenants").asInt()).isEqualTo(12);
        assertThat(twelve.path("description").asText()).contains("optional field of type date").contains("Appointment");
        assertThat(patterns.toString()).doesNotContain(nineFile);

        // checked by regenerating the reference specs with the change (the generator run as a process): low risk, passed → approved
        JsonNode proposal = only(proposals, "\\\"ontologyType\\\":\\\"Appointment\\\"");
        assertThat(proposal.path("risk").asText()).isEqualTo("low");
        assertThat(proposal.path("kind").asText()).isEqualTo("ontology_optional_field");
        assertThat(proposal.path("checks").asText()).as(proposal.path("checksDetail").asText()).isEqualTo("passed");
        assertThat(proposal.path("checksDetail").asText()).contains("universal-sparse.yaml", "salon.yaml", "Appointment.extraDate");
        assertThat(proposal.path("state").asText()).isEqualTo("approved");

        long id = proposal.path("id").asLong();
        List<String> improvements = awaitPublished("veroforge_improvements", "\"proposalId\":" + id + ",");
        JsonNode improvement = JSON.readTree(improvements.get(0));
        assertThat(improvement.path("approvedBy").asText()).isEqualTo("governance");
        assertThat(improvement.path("checks").asText()).isEqualTo("passed");
        assertThat(improvement.path("evidence").path("tenants").asInt()).isEqualTo(12);
        assertThat(JSON.readTree(improvement.path("change").asText()).path("addField").path("name").asText()).isEqualTo("extraDate");

        JsonNode decided = JSON.readTree(given().header("Authorization", REVIEWER).get("/api/v1/proposals/" + id)
                .then().statusCode(200).extract().asString());
        assertThat(decided.path("decisions").get(0).path("actor").asText()).isEqualTo("governance");
        assertThat(decided.path("decisions").get(0).path("reason").asText()).isEqualTo("low risk with passing checks");
        given().header("Authorization", REVIEWER).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/proposals/" + id + "/approve").then().statusCode(409);

        // a second detection run finds nothing new and makes no second proposal
        JsonNode again = JSON.readTree(given().header("Authorization", REVIEWER).post("/api/v1/detect").then().extract().asString());
        assertThat(again.toString()).doesNotContain("Appointment");

        assertNoTenantIdentity(customers);
    }

    @Test
    void aProposalWhoseChecksFailWaitsForAReviewerWithTheGeneratorsOutput() throws Exception {
        String ontologyType = "Unicorn" + UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase();
        List<String> customers = sendEdits(10, "failing", "{\"kind\":\"added_field\",\"ontologyType\":\"" + ontologyType
                + "\",\"fieldType\":\"text\",\"optional\":true}");
        awaitStored(10, "customer_edit");

        JsonNode proposal = only(JSON.readTree(given().header("Authorization", REVIEWER).post("/api/v1/detect")
                .then().statusCode(200).extract().asString()), ontologyType);
        assertThat(proposal.path("risk").asText()).isEqualTo("low");
        assertThat(proposal.path("checks").asText()).isEqualTo("failed");
        assertThat(proposal.path("checksDetail").asText()).contains("generator exit 2").contains(ontologyType + " is not an ontology type");
        assertThat(proposal.path("state").asText()).isEqualTo("pending_review");
        assertThat(Telemetry.readAll("veroforge_improvements", Duration.ofSeconds(2))).noneMatch(m -> m.contains(ontologyType));

        long id = proposal.path("id").asLong();
        given().header("Authorization", REVIEWER).contentType(ContentType.JSON).body("{\"reason\":\"the ontology gets this type next\"}")
                .post("/api/v1/proposals/" + id + "/approve").then().statusCode(200);
        JsonNode improvement = JSON.readTree(awaitPublished("veroforge_improvements", "\"proposalId\":" + id + ",").get(0));
        assertThat(improvement.path("approvedBy").asText()).isEqualTo("alice");
        assertThat(improvement.path("checks").asText()).isEqualTo("failed");
        assertNoTenantIdentity(customers);
    }

    @Test
    void similarEditsEachBelowKAreOnePatternThatNamesOnlyWhatTheyShareAndWaitsForAReview() throws Exception {
        String ontologyType = "Ledger" + UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase();
        List<String> customers = sendEdits(6, "similar-date", "{\"kind\":\"added_field\",\"ontologyType\":\"" + ontologyType
                + "\",\"fieldType\":\"date\",\"optional\":true}");
        customers.addAll(sendEdits(5, "similar-datetime", "{\"kind\":\"added_field\",\"ontologyType\":\"" + ontologyType
                + "\",\"fieldType\":\"datetime\",\"optional\":false}"));
        awaitStored(11, "customer_edit");

        JsonNode proposal = only(JSON.readTree(given().header("Authorization", REVIEWER).post("/api/v1/detect")
                .then().statusCode(200).extract().asString()), ontologyType);
        JsonNode pattern = only(JSON.readTree(given().get("/api/v1/patterns").then().statusCode(200).extract().asString()), ontologyType);
        assertThat(pattern.path("kind").asText()).isEqualTo("customer_edit_cluster");
        assertThat(pattern.path("evidenceTenants").asInt()).isEqualTo(11);
        assertThat(pattern.path("description").asText()).contains(ontologyType).contains("fieldType and optional vary");
        // six tenants chose date, five datetime: neither value has k tenants behind it, so neither is published
        assertThat(pattern.toString()).doesNotContain("datetime").doesNotContain("type date");
        assertThat(proposal.path("kind").asText()).isEqualTo("ontology_review");
        assertThat(proposal.path("risk").asText()).isEqualTo("medium");
        assertThat(proposal.path("state").asText()).isEqualTo("pending_review");
        assertThat(proposal.toString()).doesNotContain("datetime");
        assertThat(Telemetry.readAll("veroforge_patterns", Duration.ofSeconds(2)).stream().filter(m -> m.contains(ontologyType)))
                .singleElement().asString().doesNotContain("datetime");
        assertNoTenantIdentity(customers);
    }

    @Test
    void aHighRiskProposalWaitsIsRejectedWithAReasonAndNothingIsPublished() throws Exception {
        String file = "api/src/auth/jwt" + UUID.randomUUID().toString().substring(0, 6) + ".strategy.ts";
        List<String> customers = sendEdits(10, "high", "{\"kind\":\"changed_template_file\",\"file\":\"" + file + "\"}");
        awaitStored(10, "customer_edit");

        JsonNode proposal = only(JSON.readTree(given().header("Authorization", REVIEWER).post("/api/v1/detect")
                .then().statusCode(200).extract().asString()), file);
        assertThat(proposal.path("risk").asText()).isEqualTo("high");
        assertThat(proposal.path("riskReasons").asText()).contains("security-relevant");
        assertThat(proposal.path("state").asText()).isEqualTo("pending_review");
        long id = proposal.path("id").asLong();

        given().contentType(ContentType.JSON).body("{\"reason\":\"x\"}").post("/api/v1/proposals/" + id + "/reject").then().statusCode(401);
        String noReason = given().header("Authorization", REVIEWER).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/proposals/" + id + "/reject").then().statusCode(400).extract().asString();
        assertThat(noReason).contains("reason");
        given().header("Authorization", REVIEWER).contentType(ContentType.JSON).body("{\"reason\":\"changes the login flow\"}")
                .post("/api/v1/proposals/" + id + "/reject").then().statusCode(200);
        given().header("Authorization", REVIEWER).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/proposals/" + id + "/approve").then().statusCode(409);

        assertThat(Telemetry.rows("select state from intelligence.proposals where id = " + id)).containsExactly(List.of("rejected"));
        assertThat(Telemetry.rows("select actor, reason from intelligence.proposal_decisions where proposal_id = " + id))
                .containsExactly(List.of("alice", "changes the login flow"));
        assertThat(Telemetry.readAll("veroforge_improvements", Duration.ofSeconds(2))).noneMatch(m -> m.contains(file));
        assertNoTenantIdentity(customers);
    }

    private static List<String> sendEdits(int tenants, String test, String edit) {
        List<String> customers = new java.util.ArrayList<>();
        String salt = UUID.randomUUID().toString().substring(0, 4);
        try (KafkaProducer<String, String> producer = Telemetry.producer()) {
            for (int t = 0; t < tenants; t++) {
                String customer = Telemetry.customer(test + salt, t);
                customers.add(customer);
                Telemetry.send(producer, "veroforge_template_usage", customer, Telemetry.edit(customer, edit));
            }
            producer.flush();
        }
        sent += tenants;
        return customers;
    }

    private static int sent;

    private static void awaitStored(int atLeast, String type) throws InterruptedException {
        int expected = sent;
        Telemetry.awaitUntil(() -> Telemetry.count("select count(*) from intelligence.telemetry_events where type = '" + type + "'") >= expected,
                Duration.ofSeconds(60), atLeast + " stored " + type + " events");
    }

    private static List<String> awaitPublished(String topic, String needle) throws InterruptedException {
        List<String>[] found = new List[1];
        Telemetry.awaitUntil(() -> !(found[0] = Telemetry.readAll(topic, Duration.ofSeconds(1)).stream().filter(m -> m.contains(needle))
                .toList()).isEmpty(), Duration.ofSeconds(30), needle + " on " + topic);
        return found[0];
    }

    private static JsonNode only(JsonNode array, String needle) {
        List<JsonNode> matching = new java.util.ArrayList<>();
        array.forEach(n -> {
            if (n.toString().contains(needle)) {
                matching.add(n);
            }
        });
        assertThat(matching).as("exactly one element containing %s in %s", needle, array).hasSize(1);
        return matching.get(0);
    }

    /** No customer id in any pattern, proposal, decision or published message. */
    private static void assertNoTenantIdentity(List<String> customers) {
        String stored = Telemetry.rows("select row_to_json(p)::text from intelligence.patterns p").toString()
                + Telemetry.rows("select row_to_json(p)::text from intelligence.proposals p")
                + Telemetry.rows("select row_to_json(d)::text from intelligence.proposal_decisions d");
        String published = String.join("\n", Telemetry.readAll("veroforge_patterns", Duration.ofSeconds(1)))
                + String.join("\n", Telemetry.readAll("veroforge_improvements", Duration.ofSeconds(1)));
        assertThat(stored).isNotEmpty();
        assertThat(published).isNotEmpty();
        for (String customer : customers) {
            assertThat(stored).doesNotContain(customer);
            assertThat(published).doesNotContain(customer);
        }
        assertThat(Map.of("stored", stored, "published", published).toString()).doesNotContain("customerId");
    }
}
