package io.veroforge.console.apps;

import static io.veroforge.console.SignedIn.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.veroforge.api.v1alpha1.SimilarApp;
import io.veroforge.api.v1alpha1.TenantOwner.OwnerKind;
import io.veroforge.console.Apps;
import io.veroforge.console.LocalApiResource;
import io.veroforge.console.SignedIn;
import io.veroforge.console.Tenants;

/**
 * A Tenant's apps: the list with each app's first failing condition, the AppSpec page with the problems the
 * reconciler reported at their fields, and the new-app form whose preview is the API server's dry-run. The test
 * writes AppSpec status itself: the operator does not run in the console's test JVM.
 */
@QuarkusTest
@QuarkusTestResource(LocalApiResource.class)
class AppPagesTest {
    private static final String TENANT = "apps-acme";
    private static final String NS = "tenant-" + TENANT;

    @BeforeAll
    static void tenant() {
        Tenants.ensure(Tenants.ownedBy(TENANT, OwnerKind.User, ALICE));
        Apps.ensure(NS, "gym", "fitness", "Member", "Trainer");
        Apps.reportApp(NS, "gym", "gym-2", "gym-1", List.of(),
                "Resolved", "True", "Resolved", "2 entities, 0 workflows",
                "Ready", "True", "GenerationRecorded", "Generation gym-2 records the current spec",
                "Deployed", "False", "AwaitingApproval", "gym-2: waiting for approval (risky); gym-1 keeps serving");
        Apps.ensure(NS, "broken", "field-service", "Customer");
        Apps.reportApp(NS, "broken", null, null, List.of("vertical: \"pest\" is not a known vertical — use field-service"),
                "Resolved", "False", "InvalidSpec", "2 problems: entities[0].relations[0].target: unknown entity "
                        + "\"Techician\" — did you mean \"Technician\"?; templatePack.revision: revision 9 is not approved — use 2025.06.1",
                "Ready", "False", "InvalidSpec", "2 problems: …");
    }

    @Test
    void theListShowsLatestAndDeployedGenerationAndTheFirstFailingCondition() {
        SignedIn.as(ALICE).get("/tenants/" + TENANT + "/apps").then().statusCode(200)
                .body(containsString("data-app=\"gym\"")).body(containsString("gym-2")).body(containsString("gym-1"))
                .body(containsString("AwaitingApproval")).body(containsString("gym-1 keeps serving"))
                .body(containsString("Not ready"));
        List<String> reasons = SignedIn.as(ALICE).get("/api/tenants/" + TENANT + "/apps").then().statusCode(200)
                .extract().jsonPath().getList("reason");
        assertThat(reasons).contains("AwaitingApproval", "InvalidSpec");
    }

    @Test
    void theAppSpecPageShowsEachProblemFromStatusAtItsField() {
        SignedIn.as(ALICE).get("/tenants/" + TENANT + "/apps/broken").then().statusCode(200)
                .body(containsString("data-field=\"spec.entities[0].relations[0].target\""))
                .body(anyOf(containsString("unknown entity &quot;Techician&quot;"), containsString("unknown entity \"Techician\"")))
                .body(containsString("data-field=\"spec.templatePack.revision\""))
                .body(containsString("data-field=\"spec.vertical\""));
        List<String> fields = SignedIn.as(ALICE).get("/api/tenants/" + TENANT + "/apps/broken").then().statusCode(200)
                .extract().jsonPath().getList("problems.field");
        assertThat(fields).containsExactly("spec.entities[0].relations[0].target", "spec.templatePack.revision");
    }

    @Test
    void theAppSpecPageListsItsGenerationsNewestFirst() {
        Apps.ensureGeneration(NS, "gym", "gym-1");
        Apps.ensureGeneration(NS, "gym", "gym-2");
        Apps.ensure(NS, "other", "fitness", "Member");
        Apps.ensureGeneration(NS, "other", "other-1");
        String page = SignedIn.as(ALICE).get("/tenants/" + TENANT + "/apps/gym").then().statusCode(200)
                .body(containsString("data-generation=\"gym-1\"")).body(not(containsString("other-1")))
                .extract().asString();
        assertThat(page.indexOf("data-generation=\"gym-2\"")).isLessThan(page.indexOf("data-generation=\"gym-1\""));
    }

    @Test
    void theAppPageDrawsTheModelItsNewestGenerationRecordedWithProvenanceOnHover() {
        Apps.ensure(NS, "pest-control", "field-service", "Customer", "ServiceVisit");
        Apps.ensureGenerationRecording(NS, "pest-control", "pest-control-5", Apps.resolvedModel());
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(SignedIn.as(ALICE).get("/tenants/" + TENANT + "/apps/pest-control")
                .then().statusCode(200).extract().asString());
        assertThat(page.select("#er-diagram g.er-entity").eachAttr("data-entity"))
                .containsExactly("Customer", "Technician", "ServiceVisit", "Invoice");
        assertThat(page.select("#er-diagram g.er-entity.inferred").eachAttr("data-entity")).containsExactly("Technician", "Invoice");
        assertThat(page.select("#er-diagram text.er-label").stream().map(org.jsoup.nodes.Element::ownText).toList())
                .containsExactly("customer (many-to-one)", "technician (many-to-one)", "visit (one-to-one)");
        assertThat(page.select("g[data-entity=ServiceVisit] text.er-field title").eachText())
                .contains("notes — requirements: embedding all-minilm-l6-v2, \"technicians note what they treated\", confidence 0.81");
        assertThat(page.select("#er-diagram > title").text()).isEqualTo("Entities and relations of pest-control");
    }

    @Test
    void theAppPageLinksTheSimilarAppsStatusNamesWithTheirSimilarityAndNothingElse() {
        Apps.ensure(NS, "pest-north", "field-service", "Customer");
        Apps.ensure(NS, "pest-south", "field-service", "Customer");
        Apps.ensure(NS, "bakery", "retail", "Order");
        Apps.reportSimilarApps(NS, "pest-north", new SimilarApp("pest-south", 0.648), new SimilarApp("gym", 0.512));
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(SignedIn.as(ALICE).get("/tenants/" + TENANT + "/apps/pest-north")
                .then().statusCode(200).extract().asString());
        assertThat(page.select("#similar-apps li").eachAttr("data-similar")).containsExactly("pest-south", "gym");
        assertThat(page.select("#similar-apps a").eachAttr("href"))
                .containsExactly("/tenants/" + TENANT + "/apps/pest-south", "/tenants/" + TENANT + "/apps/gym");
        assertThat(page.select("#similar-apps .similarity").eachText()).containsExactly("65% alike", "51% alike");

        Apps.reportSimilarApps(NS, "bakery");
        org.jsoup.nodes.Document alone = org.jsoup.Jsoup.parse(SignedIn.as(ALICE).get("/tenants/" + TENANT + "/apps/bakery")
                .then().statusCode(200).extract().asString());
        assertThat(alone.select("#similar-apps")).isEmpty();
        assertThat(alone.select("h1").text()).isEqualTo("App bakery");
    }

    @Test
    void previewIsADryRunThatCreatesNothing() {
        SignedIn.as(ALICE).formParam("action", "preview").formParam("source", "form").formParam("name", "dry-gym")
                .formParam("vertical", "fitness").formParam("entities", "Member, Trainer")
                .formParam("approvalPolicy", "manual")
                .post("/tenants/" + TENANT + "/apps/new").then().statusCode(200).body(containsString("id=\"accepted\""))
                .body(anyOf(containsString("namespace: " + NS), containsString("namespace: &quot;" + NS + "&quot;")))
                .body(anyOf(containsString("policy: manual"), containsString("policy: &quot;manual&quot;")));
        assertThat(Apps.app(NS, "dry-gym")).isNull();
    }

    @Test
    void aCelRefusalOfTheYamlIsShownAtItsField() {
        String yaml = """
                apiVersion: veroforge.io/v1alpha1
                kind: AppSpec
                metadata:
                  name: bad-gym
                spec:
                  vertical: fitness
                  entities:
                    - name: Member
                      relations:
                        - name: coach
                          kind: manyToOne
                          target: Coach
                """;
        SignedIn.as(ALICE).formParam("action", "preview").formParam("source", "yaml").formParam("yaml", yaml)
                .post("/tenants/" + TENANT + "/apps/new").then().statusCode(422)
                .body(containsString("spec.entities[].relations[].target"))
                .body(containsString("must name an entity declared in spec.entities"));
        assertThat(Apps.app(NS, "bad-gym")).isNull();
    }

    @Test
    void anAppCannotBeSentToAnotherTenantsNamespace() {
        String yaml = """
                apiVersion: veroforge.io/v1alpha1
                kind: AppSpec
                metadata:
                  name: elsewhere
                  namespace: tenant-iso-globex
                spec:
                  vertical: fitness
                """;
        SignedIn.as(ALICE).formParam("action", "create").formParam("source", "yaml").formParam("yaml", yaml)
                .post("/tenants/" + TENANT + "/apps/new").then().statusCode(422)
                .body(containsString("metadata.namespace")).body(containsString("lives in " + NS));
        assertThat(Apps.app("tenant-iso-globex", "elsewhere")).isNull();
    }

    @Test
    void anUnknownApprovalPolicyIsNamedWithTheValuesItMayTake() {
        SignedIn.as(ALICE).formParam("action", "preview").formParam("source", "form").formParam("name", "policy-gym")
                .formParam("vertical", "fitness").formParam("approvalPolicy", "sometimes")
                .post("/tenants/" + TENANT + "/apps/new").then().statusCode(422)
                .body(containsString("spec.approval.policy")).body(containsString("manual, auto, auto-unless-risky"));
    }

    @Test
    void createAppliesInTheTenantsNamespaceAndOpensTheApp() {
        SignedIn.as(ALICE).formParam("action", "create").formParam("source", "form").formParam("name", "made-gym")
                .formParam("vertical", "fitness").formParam("entities", "Member")
                .formParam("requirements", "Members book classes with trainers.")
                .post("/tenants/" + TENANT + "/apps/new").then().statusCode(303)
                .header("Location", containsString("/tenants/" + TENANT + "/apps/made-gym"));
        var stored = Apps.app(NS, "made-gym");
        assertThat(stored.getSpec().getEntities()).extracting(e -> e.getName()).containsExactly("Member");
        assertThat(stored.getSpec().getRequirements()).isEqualTo("Members book classes with trainers.");
        SignedIn.as(ALICE).get("/tenants/" + TENANT + "/apps/made-gym").then().statusCode(200)
                .body(containsString("NotReconciled")).body(containsString("No Generation yet"));
    }
}
