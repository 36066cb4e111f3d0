package io.veroforge.console.apps;

import static io.veroforge.console.SignedIn.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.websockets.next.BasicWebSocketConnector;
import io.veroforge.api.v1alpha1.ApprovalState;
import io.veroforge.api.v1alpha1.Generation;
import io.veroforge.api.v1alpha1.StageName;
import io.veroforge.api.v1alpha1.StageState;
import io.veroforge.api.v1alpha1.TenantOwner.OwnerKind;
import io.veroforge.console.Apps;
import io.veroforge.console.LocalApiResource;
import io.veroforge.console.SignedIn;
import io.veroforge.console.Tenants;

/**
 * A Generation's page: the timeline, findings, gaps and migration plan from status, a live timeline over the
 * socket, and approve/reject writing the approval annotations with the signed-in user's name. The test writes
 * Generation status itself (the operator is not in this JVM) and checks the annotations the operator would read.
 */
@QuarkusTest
@QuarkusTestResource(LocalApiResource.class)
class GenerationPagesTest {
    private static final String TENANT = "gen-acme";
    private static final String NS = "tenant-" + TENANT;
    private static final String BASE = "/tenants/" + TENANT + "/apps/pest-control/generations/";

    @Inject
    Instance<BasicWebSocketConnector> connectors;

    @TestHTTPResource("/")
    URI base;

    @BeforeAll
    static void generations() {
        Tenants.ensure(Tenants.ownedBy(TENANT, OwnerKind.User, ALICE));
        Apps.ensure(NS, "pest-control", "field-service", "Customer");
        Apps.ensure(NS, "billing", "field-service", "Invoice");
        Apps.ensureGeneration(NS, "billing", "billing-1");
    }

    @Test
    void thePageShowsTheTimelineFindingsGapsAndTheDestructiveStep() {
        Apps.ensureGeneration(NS, "pest-control", "pest-control-3");
        SignedIn.as(ALICE).get(BASE + "pest-control-3").then().statusCode(200)
                .body(containsString("id=\"stage-Synthesize\""))
                .body(containsString("2025-06-12T09:15:41Z"))
                .body(containsString("214 files; 11 gaps filled by AI, 3 template-only"))
                .body(containsString("id=\"stage-Verify\" data-stage=\"Verify\" class=\"stage-Pending\""))
                .body(containsString("missing-rate-limit"))
                .body(containsString("<tr data-step=\"2\" class=\"destructive\">"))
                .body(containsString("<strong>Destructive:</strong> drop column service_visits.legacy_code"))
                .body(containsString("some destructive: data may be lost"))
                .body(containsString("<dt>Filled by AI</dt><dd>11</dd>"))
                .body(containsString("id=\"approve-form\""));
    }

    @Test
    void aRetryIsShownWithItsReason() {
        Apps.ensureGeneration(NS, "pest-control", "pest-control-4");
        Apps.reportGeneration(NS, "pest-control-4", status -> status.getStages().stream()
                .filter(s -> s.getName() == StageName.Commit).forEach(s -> {
                    s.setState(StageState.Running);
                    s.setMessage("retrying with backoff: Git push refused: connection reset");
                }));
        SignedIn.as(ALICE).get(BASE + "pest-control-4").then().statusCode(200)
                .body(containsString("class=\"stage-Running retrying\""))
                .body(containsString("Running (retrying)"))
                .body(containsString("retrying with backoff: Git push refused: connection reset"));
    }

    @Test
    void approvingRecordsTheSignedInUserAndTheReasonOnTheGeneration() {
        Apps.ensureGeneration(NS, "pest-control", "pest-control-5");
        SignedIn.as(ALICE).formParam("reason", "legacy_code has been unused since 2023")
                .post(BASE + "pest-control-5/approve").then().statusCode(303);
        var annotations = Apps.generation(NS, "pest-control-5").getMetadata().getAnnotations();
        assertThat(annotations).containsEntry(Generation.APPROVE_ANNOTATION, ALICE)
                .containsEntry(Generation.APPROVE_REASON_ANNOTATION, "legacy_code has been unused since 2023")
                .doesNotContainKey(Generation.REJECT_ANNOTATION);
        SignedIn.as(ALICE).get(BASE + "pest-control-5").then().statusCode(200)
                .body(containsString("Approved (the operator has not recorded it yet)"))
                .body(containsString("id=\"decide\" hidden"));
        SignedIn.as(ALICE).formParam("reason", "changed my mind").post(BASE + "pest-control-5/reject").then()
                .statusCode(409).body(containsString("not waiting for a decision"));
        assertThat(Apps.generation(NS, "pest-control-5").getMetadata().getAnnotations())
                .doesNotContainKey(Generation.REJECT_ANNOTATION);
    }

    @Test
    void rejectingNeedsAReasonAndRecordsIt() {
        Apps.ensureGeneration(NS, "pest-control", "pest-control-6");
        SignedIn.as(ALICE).formParam("reason", "  ").post(BASE + "pest-control-6/reject").then().statusCode(422)
                .body(containsString("say why you reject"));
        assertThat(Apps.generation(NS, "pest-control-6").getMetadata().getAnnotations()).isNullOrEmpty();
        SignedIn.as(ALICE).formParam("reason", "we still bill on legacy_code").post(BASE + "pest-control-6/reject")
                .then().statusCode(303);
        assertThat(Apps.generation(NS, "pest-control-6").getMetadata().getAnnotations())
                .containsEntry(Generation.REJECT_ANNOTATION, ALICE)
                .containsEntry(Generation.REJECT_REASON_ANNOTATION, "we still bill on legacy_code");
    }

    @Test
    void aGenerationThatNoLongerWaitsCannotBeApproved() {
        Apps.ensureGeneration(NS, "pest-control", "pest-control-7");
        Apps.reportGeneration(NS, "pest-control-7", status -> status.getApproval().setState(ApprovalState.NotRequired));
        SignedIn.as(ALICE).post(BASE + "pest-control-7/approve").then().statusCode(409)
                .body(containsString("not waiting for a decision"));
        assertThat(Apps.generation(NS, "pest-control-7").getMetadata().getAnnotations()).isNullOrEmpty();
    }

    @Test
    void anotherAppsGenerationIsNotFoundUnderThisApp() {
        SignedIn.as(ALICE).get(BASE + "billing-1").then().statusCode(404);
        SignedIn.as(ALICE).post(BASE + "billing-1/approve").then().statusCode(404);
        assertThat(Apps.generation(NS, "billing-1").getMetadata().getAnnotations()).isNullOrEmpty();
        SignedIn.as(ALICE).get("/tenants/" + TENANT + "/apps/billing/generations/billing-1").then().statusCode(200);
    }

    @Test
    void theOwnerSeesTheTimelineChangeLive() throws Exception {
        Apps.ensureGeneration(NS, "pest-control", "pest-control-8");
        List<String> received = new ArrayList<>();
        CompletableFuture<String> first = new CompletableFuture<>();
        CompletableFuture<String> migrating = new CompletableFuture<>();
        var socket = connectors.get().baseUri(base).path("/ws" + BASE + "pest-control-8")
                .addHeader("Cookie", "quarkus-credential=" + SignedIn.cookie(ALICE, "alice-local"))
                .onTextMessage((connection, text) -> {
                    synchronized (received) {
                        received.add(text);
                    }
                    first.complete(text);
                    if (text.contains("\"name\":\"Migrate\",\"state\":\"Running\"")) {
                        migrating.complete(text);
                    }
                }).connectAndAwait();
        // the change is written only once the subscription has answered, so it can reach the page only by the watch
        assertThat(first.get(20, TimeUnit.SECONDS)).contains("\"name\":\"Migrate\",\"state\":\"Pending\"");
        Apps.reportGeneration(NS, "pest-control-8", status -> status.getStages().stream()
                .filter(s -> s.getName() == StageName.Migrate).forEach(s -> {
                    s.setState(StageState.Running);
                    s.setStartedAt("2025-06-12T10:00:00Z");
                    s.setMessage("applying 2 migration step(s)");
                }));
        assertThat(migrating.get(20, TimeUnit.SECONDS)).contains("applying 2 migration step(s)");
        synchronized (received) {
            assertThat(received).hasSizeGreaterThanOrEqualTo(2);
            assertThat(received.get(0)).contains("\"phase\":\"AwaitingApproval\"").contains("\"name\":\"pest-control-8\"");
            assertThat(received).allMatch(text -> text.contains("\"name\":\"pest-control-8\""));
        }
        socket.closeAndAwait();
    }
}
