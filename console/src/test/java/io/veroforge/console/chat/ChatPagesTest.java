package io.veroforge.console.chat;

import static io.veroforge.console.SignedIn.ALICE;
import static io.veroforge.console.SignedIn.GINA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.veroforge.api.v1alpha1.TenantOwner.OwnerKind;
import io.veroforge.console.Apps;
import io.veroforge.console.LocalApiResource;
import io.veroforge.console.SignedIn;
import io.veroforge.console.Tenants;

/**
 * The chat's writes and their refusals, over HTTP: what is stored on the AppSpec (requirements, draft mark,
 * transcript), each refusal naming its field, a stale page refused instead of overwriting, and another company's
 * user answered Not found with nothing written. The operator does not run here: no preview is asserted.
 */
@QuarkusTest
@QuarkusTestResource(LocalApiResource.class)
class ChatPagesTest {
    private static final String TENANT = "chat-acme";
    private static final String NS = "tenant-" + TENANT;
    private static final String STORY = "Customers book inspections of their property.";

    @BeforeAll
    static void tenants() {
        Tenants.ensure(Tenants.ownedBy(TENANT, OwnerKind.User, ALICE));
    }

    @Test
    void startingADraftStoresTheWordsTheDraftMarkAndTheFirstTurn() {
        SignedIn.as(ALICE).formParam("name", "chat-start").formParam("message", "  " + STORY + " ")
                .post("/tenants/" + TENANT + "/chat").then().statusCode(303)
                .header("Location", containsString("/tenants/" + TENANT + "/chat/chat-start"));
        var stored = Apps.app(NS, "chat-start");
        assertThat(stored.getSpec().getRequirements()).isEqualTo(STORY);
        assertThat(stored.getSpec().getDraft()).isTrue();
        assertThat(Transcript.of(stored).turns()).singleElement()
                .satisfies(t -> assertThat(t.by()).isEqualTo(ALICE))
                .satisfies(t -> assertThat(t.text()).isEqualTo(STORY));
        SignedIn.as(ALICE).get("/api/tenants/" + TENANT + "/chat/chat-start").then().statusCode(200)
                .body("state", org.hamcrest.Matchers.equalTo("WAITING"));
    }

    @Test
    void theStartPageAndAWaitingConversationRender() {
        SignedIn.as(ALICE).get("/tenants/" + TENANT + "/chat").then().statusCode(200).body(containsString("id=\"chat-start\""));
        start("chat-wait");
        SignedIn.as(ALICE).get("/tenants/" + TENANT + "/chat/chat-wait").then().statusCode(200)
                .body(containsString("data-state=\"WAITING\"")).body(containsString(STORY));
    }

    @Test
    void theConversationLinksTheSimilarAppsTheOperatorFoundForTheDraft() {
        start("chat-similar");
        Apps.reportSimilarApps(NS, "chat-similar", new io.veroforge.api.v1alpha1.SimilarApp("pest-control", 0.702));
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(SignedIn.as(ALICE).get("/tenants/" + TENANT + "/chat/chat-similar")
                .then().statusCode(200).extract().asString());
        assertThat(page.select("#similar-apps a").eachAttr("href")).containsExactly("/tenants/" + TENANT + "/apps/pest-control");
        assertThat(page.select("#similar-apps .similarity").eachText()).containsExactly("70% alike");
    }

    @Test
    void aDraftWithoutWordsOrWithABadNameIsRefusedNamingTheField() {
        SignedIn.as(ALICE).formParam("name", "chat-empty").formParam("message", " ")
                .post("/tenants/" + TENANT + "/chat").then().statusCode(422)
                .body(containsString("data-field=\"message\"")).body(containsString("describe the business first"));
        SignedIn.as(ALICE).formParam("name", "Chat_Bad").formParam("message", STORY)
                .post("/tenants/" + TENANT + "/chat").then().statusCode(422)
                .body(containsString("metadata.name"));
        assertThat(Apps.app(NS, "chat-empty")).isNull();
    }

    @Test
    void aMessageIsAppendedToTheRequirementsAndAStalePageIsRefused() {
        start("chat-more");
        String version = Apps.app(NS, "chat-more").getMetadata().getResourceVersion();
        SignedIn.as(ALICE).formParam("message", "Technicians write a report.").formParam("resourceVersion", version)
                .post("/tenants/" + TENANT + "/chat/chat-more/messages").then().statusCode(303);
        var stored = Apps.app(NS, "chat-more");
        assertThat(stored.getSpec().getRequirements()).isEqualTo(STORY + "\n\nTechnicians write a report.");
        assertThat(Transcript.of(stored).turns()).hasSize(2);

        SignedIn.as(ALICE).formParam("message", "Sent from an old tab.").formParam("resourceVersion", version)
                .post("/tenants/" + TENANT + "/chat/chat-more/messages").then().statusCode(409)
                .body(containsString("changed since this page was shown"));
        assertThat(Apps.app(NS, "chat-more").getSpec().getRequirements()).doesNotContain("old tab");
    }

    @Test
    void aFieldIsDeclaredExplicitlyAndAnUnknownTypeIsNamedWithTheTypesItMayTake() {
        start("chat-field");
        String version = Apps.app(NS, "chat-field").getMetadata().getResourceVersion();
        SignedIn.as(ALICE).formParam("entity", "Inspection").formParam("field", "price").formParam("type", "colour")
                .formParam("resourceVersion", version)
                .post("/tenants/" + TENANT + "/chat/chat-field/fields").then().statusCode(422)
                .body(containsString("data-field=\"type\"")).body(containsString("string, text, integer"));
        SignedIn.as(ALICE).formParam("entity", "Inspection").formParam("field", "price").formParam("type", "money")
                .formParam("required", "on").formParam("resourceVersion", version)
                .post("/tenants/" + TENANT + "/chat/chat-field/fields").then().statusCode(303);
        var entity = Apps.app(NS, "chat-field").getSpec().getEntities().get(0);
        assertThat(entity.getName()).isEqualTo("Inspection");
        assertThat(entity.getOntologyDefaults()).isTrue();
        assertThat(entity.getFields()).singleElement().satisfies(f -> {
            assertThat(f.getName()).isEqualTo("price");
            assertThat(f.getType()).isEqualTo(io.veroforge.api.v1alpha1.FieldType.MONEY);
            assertThat(f.getRequired()).isTrue();
        });
    }

    @Test
    void createIsPreviewedThenClearsTheDraftMarkOnce() {
        start("chat-create");
        SignedIn.as(ALICE).formParam("confirm", "").post("/tenants/" + TENANT + "/chat/chat-create/create").then().statusCode(200)
                .body(containsString("id=\"dry-run-accepted\"")).body(containsString("- draft: true"));
        assertThat(Apps.app(NS, "chat-create").getSpec().getDraft()).isTrue();
        String version = Apps.app(NS, "chat-create").getMetadata().getResourceVersion();
        SignedIn.as(ALICE).formParam("confirm", "yes").formParam("resourceVersion", version)
                .post("/tenants/" + TENANT + "/chat/chat-create/create").then().statusCode(303)
                .header("Location", containsString("/tenants/" + TENANT + "/apps/chat-create"));
        var stored = Apps.app(NS, "chat-create");
        assertThat(stored.getSpec().getDraft()).isNull();
        assertThat(Transcript.of(stored).turns()).last().satisfies(t -> assertThat(t.kind()).isEqualTo("create"));
        SignedIn.as(ALICE).formParam("message", "More.").formParam("resourceVersion", stored.getMetadata().getResourceVersion())
                .post("/tenants/" + TENANT + "/chat/chat-create/messages").then().statusCode(409)
                .body(containsString("no longer a draft"));
    }

    @Test
    void anotherCompanysUserCannotReadOrWriteTheDraft() {
        start("chat-private");
        String version = Apps.app(NS, "chat-private").getMetadata().getResourceVersion();
        int opened = 0;
        for (int round = 0; round < 3; round++) {
            opened += SignedIn.as(GINA).get("/tenants/" + TENANT + "/chat/chat-private").statusCode() == 404 ? 0 : 1;
            opened += SignedIn.as(GINA).get("/api/tenants/" + TENANT + "/chat/chat-private").statusCode() == 404 ? 0 : 1;
            opened += SignedIn.as(GINA).formParam("message", "hijack").formParam("resourceVersion", version)
                    .post("/tenants/" + TENANT + "/chat/chat-private/messages").statusCode() == 404 ? 0 : 1;
            opened += SignedIn.as(GINA).formParam("confirm", "yes").formParam("resourceVersion", version)
                    .post("/tenants/" + TENANT + "/chat/chat-private/create").statusCode() == 404 ? 0 : 1;
            opened += SignedIn.as(GINA).formParam("name", "chat-planted").formParam("message", STORY)
                    .post("/tenants/" + TENANT + "/chat").statusCode() == 404 ? 0 : 1;
        }
        assertThat(opened).isZero();
        var stored = Apps.app(NS, "chat-private");
        assertThat(stored.getMetadata().getResourceVersion()).isEqualTo(version);
        assertThat(stored.getSpec().getDraft()).isTrue();
        assertThat(Apps.app(NS, "chat-planted")).isNull();
    }

    private static void start(String name) {
        SignedIn.as(ALICE).formParam("name", name).formParam("message", STORY)
                .post("/tenants/" + TENANT + "/chat").then().statusCode(303);
    }
}
