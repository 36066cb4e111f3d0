package io.veroforge.console.proposals;

import static io.veroforge.console.SignedIn.ALICE;
import static io.veroforge.console.SignedIn.OPS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.veroforge.console.IntelligenceEngineResource;
import io.veroforge.console.LocalApiResource;
import io.veroforge.console.SignedIn;

/**
 * The proposal pages against a real HTTP server speaking the engine's review API: list and detail with evidence,
 * risk, checks and decisions; a platform admin approves or rejects with a reason that reaches the engine naming them;
 * anyone else reads but is refused before the engine is called; the engine's own refusals are shown as it words them.
 */
@QuarkusTest
@QuarkusTestResource(LocalApiResource.class)
@QuarkusTestResource(IntelligenceEngineResource.class)
class ProposalPagesTest {

    @Test
    void theListShowsEachProposalWithRiskChecksAndStateAndFiltersByState() {
        // other tests decide 42 and 43: the states expected are those the engine holds now
        Document all = get(ALICE, "/proposals");
        assertThat(all.select("tr[data-proposal]").eachAttr("data-proposal")).containsExactly("41", "42", "43");
        assertThat(all.select("tr[data-proposal=42]").text()).contains("high", "not_run");
        assertThat(all.select("tr[data-proposal=41]").text()).contains("low", "passed", "approved");
        for (String id : List.of("41", "42", "43")) {
            assertThat(all.select("tr[data-proposal=" + id + "] .proposal-state").text())
                    .isEqualTo(IntelligenceEngineResource.state(Long.parseLong(id)).replace('_', ' '));
        }
        List<String> waiting = get(ALICE, "/proposals?state=pending_review").select("tr[data-proposal]").eachAttr("data-proposal");
        assertThat(waiting).doesNotContain("41")
                .isEqualTo(List.of("42", "43").stream().filter(id -> IntelligenceEngineResource.state(Long.parseLong(id))
                        .equals("pending_review")).toList());
    }

    @Test
    void aProposalShowsItsEvidenceRiskChangeChecksAndDecisions() {
        Document page = get(ALICE, "/proposals/41");
        assertThat(page.select("#summary").text()).isEqualTo("add an optional date field extraDate to Appointment");
        assertThat(page.select("#evidence-tenants").text()).isEqualTo("12 of 42 observed");
        assertThat(page.select("#evidence-events").text()).isEqualTo("57");
        assertThat(page.select("#risk-reasons li").eachText()).containsExactly("adds an optional field: existing data and APIs keep working");
        assertThat(page.select("#change").text()).contains("\"name\" : \"extraDate\"");
        assertThat(page.select("#checks-detail").text()).contains("universal-sparse.yaml");
        assertThat(page.select("#decisions .decision-actor").text()).isEqualTo("governance");
        assertThat(page.select("#decided").text()).contains("Decisions are final");
    }

    @Test
    void onlyAPlatformAdminDecidesAndTheEngineHearsWhoItWas() {
        Document asAlice = get(ALICE, "/proposals/42");
        assertThat(asAlice.select("#not-admin").text()).contains("veroforge-platform-admins");
        assertThat(asAlice.select("#approve")).isEmpty();
        String refused = SignedIn.as(ALICE).formParam("reason", "looks fine").post("/proposals/42/approve")
                .then().statusCode(403).extract().asString();
        assertThat(Jsoup.parse(refused).select("#decision-problem").text()).contains("only platform admins");
        assertThat(IntelligenceEngineResource.state(42)).isEqualTo("pending_review");

        assertThat(get(OPS, "/proposals/42").select("#reject")).hasSize(1);
        Document noReason = Jsoup.parse(SignedIn.as(OPS).formParam("reason", " ").post("/proposals/42/reject")
                .then().statusCode(422).extract().asString());
        assertThat(noReason.select("#decision-problem code.field").text()).isEqualTo("reason");
        assertThat(noReason.select("#reject-reason").attr("aria-invalid")).isEqualTo("true");

        SignedIn.as(OPS).formParam("reason", "changes the login flow").post("/proposals/42/reject").then().statusCode(303);
        assertThat(IntelligenceEngineResource.state(42)).isEqualTo("rejected");
        var decision = IntelligenceEngineResource.decisions(42).get(0);
        assertThat(decision.path("actor").asText()).isEqualTo(IntelligenceEngineResource.REVIEWER);
        assertThat(decision.path("reason").asText()).isEqualTo("changes the login flow (decided by " + OPS + " in the console)");
        Document decided = get(OPS, "/proposals/42");
        assertThat(decided.select("#state").text()).isEqualTo("rejected");
        assertThat(decided.select("#decisions .decision-reason").text()).contains("changes the login flow");
    }

    @Test
    void theEnginesRefusalsAreShownInItsWords() {
        Document again = Jsoup.parse(SignedIn.as(OPS).formParam("reason", "").post("/proposals/41/approve")
                .then().statusCode(409).extract().asString());
        assertThat(again.select("#decision-problem").text()).contains("proposal 41 is already approved; decisions are final");
        Document missing = Jsoup.parse(SignedIn.as(ALICE).get("/proposals/999").then().statusCode(404).extract().asString());
        assertThat(missing.select("#engine-problem").text()).isEqualTo("the intelligence engine answered 404: no proposal 999");
    }

    private static Document get(String user, String path) {
        return Jsoup.parse(SignedIn.as(user).get(path).then().statusCode(200).extract().asString());
    }
}
