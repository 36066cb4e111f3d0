package io.veroforge.console.canaries;

import static io.veroforge.console.SignedIn.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.veroforge.api.v1alpha1.Canary;
import io.veroforge.api.v1alpha1.TenantOwner.OwnerKind;
import io.veroforge.console.Apps;
import io.veroforge.console.Canaries;
import io.veroforge.console.LocalApiResource;
import io.veroforge.console.SignedIn;
import io.veroforge.console.Tenants;

/**
 * An app's Canaries as their owner sees them: where the rollout is, the score chart, KPIs against threshold and
 * baseline with the PromQL sent, the decision history; promote and abort previewed (diff, dry-run, nothing stored)
 * and then written as the annotations the operator reads, naming the signed-in user.
 */
@QuarkusTest
@QuarkusTestResource(LocalApiResource.class)
class CanaryPagesTest {
    private static final String TENANT = "canary-pages";
    private static final String NS = "tenant-" + TENANT;
    private static final String BASE = "/tenants/" + TENANT + "/apps/pest-control";

    @BeforeAll
    static void aliceRollsOutPestControl3() {
        Tenants.ensure(Tenants.ownedBy(TENANT, OwnerKind.User, ALICE));
        Apps.ensure(NS, "pest-control", "field-service", "Customer");
        Apps.ensureGeneration(NS, "pest-control", "pest-control-3");
        Apps.ensureGeneration(NS, "pest-control", "pest-control-2");
        Canaries.ensureTemplate(NS, "pest-control", "pest-control-canary");
        Canaries.ensureRollout(NS, "pest-control", "pest-control-3");
        Canaries.report(NS, "pest-control-3", Canaries::progressingAtStepTwo);
        Canaries.ensureRollout(NS, "pest-control", "pest-control-9");
    }

    @Test
    void theListShowsEachCanaryWithItsPhaseStepAndLastScore() {
        Document page = get(BASE + "/canaries");
        assertThat(page.select("tr[data-canary=pest-control-3]").text()).contains("Progressing", "2 of 4", "25%", "70 (continue)",
                "Progressing: step 2/4 at 25% on pest-control-3");
        assertThat(page.select("tr[data-canary=pest-control-canary]").text()).contains("(template)");
        assertThat(get(BASE).select("#canaries-link").attr("href")).isEqualTo(BASE + "/canaries");
    }

    @Test
    void aCanaryPageShowsStepsScoresKpisQueriesAndDecisions() {
        Document page = get(BASE + "/canaries/pest-control-3");
        assertThat(page.select("#step").text()).isEqualTo("2 of 4");
        assertThat(page.select("#weight").text()).isEqualTo("25%");
        assertThat(page.select("tr.step-current").attr("data-step")).isEqualTo("2");
        assertThat(page.select("tr.step-done").eachAttr("data-step")).containsExactly("1");

        // the two recorded decisions and the newer last evaluation, below the pass line at 80 only the last
        assertThat(page.select("#score-chart circle")).hasSize(3);
        assertThat(page.select("#score-chart circle.point-failed title").text())
                .isEqualTo("2026-12-03T10:09:00Z: score 70 (last evaluation: continue)");
        assertThat(page.select("#score-chart title").first().text()).isEqualTo("Score of pest-control-3 over time");

        var latency = page.select("tr[data-kpi=latency_p95_ms]");
        assertThat(latency.select(".kpi-value").text()).isEqualTo("512");
        assertThat(latency.select(".kpi-threshold").text()).isEqualTo("lt 400");
        assertThat(latency.select(".kpi-baseline").text()).isEqualTo("301 (p 0.003)");
        assertThat(latency.select(".kpi-verdict").text()).isEqualTo("failed: ThresholdFailed");
        assertThat(page.select("dd[data-query=visit_bookings_per_minute] code").text())
                .contains("revision=\"pest-control-3\"").doesNotContain("{{");

        assertThat(page.select("#decisions tbody tr")).hasSize(2);
        assertThat(page.select("#decisions tbody tr").first().text()).contains("continue", "kpi-gate", "PauseNotElapsed");
        assertThat(page.select("#promote")).hasSize(1);
        assertThat(page.select("#abort")).hasSize(1);
    }

    @Test
    void aCanaryNotEvaluatedYetShowsTheQueriesAsWrittenAndNoChart() {
        Document page = get(BASE + "/canaries/pest-control-9");
        assertThat(page.select("#no-score").text()).startsWith("No score yet");
        assertThat(page.select("tr[data-kpi=error_rate] .kpi-verdict").text()).isEqualTo("not evaluated yet");
        assertThat(page.select("dd[data-query=visit_bookings_per_minute]").text()).contains("{{revision}}", "as written");
        assertThat(page.select("#not-actionable").text()).contains("Pending (not started)");
        SignedIn.as(ALICE).post(BASE + "/canaries/pest-control-9/promote").then().statusCode(409)
                .body(containsString("only a progressing rollout can be promoted or aborted"));
    }

    @Test
    void promoteIsPreviewedWithTheDiffAndADryRunThenWrittenNamingTheUser() {
        Document preview = Jsoup.parse(SignedIn.as(ALICE).post(BASE + "/canaries/pest-control-3/promote")
                .then().statusCode(200).extract().asString());
        assertThat(preview.select("#outcome").text()).isEqualTo("promote to step 3 of 4 at 50% of traffic");
        assertThat(preview.select("#diff .diff-added").eachText()).containsExactly(
                "+     " + Canary.ACTION_ANNOTATION + ": \"promote\"", "+     " + Canary.ACTOR_ANNOTATION + ": \"" + ALICE + "\"");
        assertThat(preview.select("#diff .diff-kept").eachText()).containsExactly("metadata:", "annotations:");
        assertThat(preview.select("#dry-run-accepted")).hasSize(1);
        assertThat(Canaries.canary(NS, "pest-control-3").getMetadata().getAnnotations())
                .as("a preview stores nothing").doesNotContainKey(Canary.ACTION_ANNOTATION);

        String shown = preview.select("#confirm-form input[name=resourceVersion]").val();
        SignedIn.as(ALICE).formParam("confirm", "yes").formParam("resourceVersion", "1").post(BASE + "/canaries/pest-control-3/promote")
                .then().statusCode(409).body(containsString("changed since the preview"));
        assertThat(Canaries.canary(NS, "pest-control-3").getMetadata().getAnnotations()).doesNotContainKey(Canary.ACTION_ANNOTATION);

        SignedIn.as(ALICE).formParam("confirm", "yes").formParam("resourceVersion", shown).post(BASE + "/canaries/pest-control-3/promote")
                .then().statusCode(303);
        assertThat(Canaries.canary(NS, "pest-control-3").getMetadata().getAnnotations())
                .containsEntry(Canary.ACTION_ANNOTATION, "promote").containsEntry(Canary.ACTOR_ANNOTATION, ALICE);
        Document asked = get(BASE + "/canaries/pest-control-3");
        assertThat(asked.select("#requested").text()).contains("promote asked by " + ALICE);
        assertThat(asked.select("#promote")).isEmpty();
        SignedIn.as(ALICE).post(BASE + "/canaries/pest-control-3/abort").then().statusCode(409)
                .body(containsString("the operator has not acted on it yet"));

        Canaries.clearAction(NS, "pest-control-3");
        Canaries.report(NS, "pest-control-3", status -> Canaries.promotedByHand(status, ALICE));
        Document promoted = get(BASE + "/canaries/pest-control-3");
        assertThat(promoted.select("#step").text()).isEqualTo("3 of 4");
        assertThat(promoted.select("#decisions tbody tr").first().select(".decision-by").text()).isEqualTo(ALICE);
        assertThat(promoted.select("#decisions tbody tr").first().select(".decision-reason").text()).contains("promoted by hand");
    }

    @Test
    void aTemplateCannotBePromotedOrAborted() {
        Document page = get(BASE + "/canaries/pest-control-canary");
        assertThat(page.select("#template-note")).hasSize(1);
        assertThat(page.select("#promote")).isEmpty();
        SignedIn.as(ALICE).formParam("confirm", "yes").post(BASE + "/canaries/pest-control-canary/abort").then().statusCode(409)
                .body(containsString("is a template"));
        assertThat(Canaries.canary(NS, "pest-control-canary").getMetadata().getAnnotations()).isNullOrEmpty();
    }

    @Test
    void theGenerationPageLinksToItsCanaryOnlyWhenThereIsOne() {
        assertThat(get(BASE + "/generations/pest-control-3").select("#canary-link a").attr("href"))
                .isEqualTo(BASE + "/canaries/pest-control-3");
        SignedIn.as(ALICE).get(BASE + "/generations/pest-control-2").then().statusCode(200).body(not(containsString("canary-link")));
    }

    private static Document get(String path) {
        return Jsoup.parse(SignedIn.as(ALICE).get(path).then().statusCode(200).extract().asString());
    }
}
