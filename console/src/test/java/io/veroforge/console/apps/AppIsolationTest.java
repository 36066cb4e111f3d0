package io.veroforge.console.apps;

import static io.veroforge.console.SignedIn.ALICE;
import static io.veroforge.console.SignedIn.GINA;
import static org.assertj.core.api.Assertions.assertThat;

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
import io.veroforge.api.v1alpha1.TenantOwner.OwnerKind;
import io.veroforge.console.Apps;
import io.veroforge.console.Canaries;
import io.veroforge.console.LocalApiResource;
import io.veroforge.console.SignedIn;
import io.veroforge.console.Tenants;

/**
 * Another company's user gets Not found for every app, Generation and Canary URL, REST call, write (approvals,
 * promote and abort, previewed or confirmed) and WebSocket
 * subscription of a Tenant they do not own — also when they put their own Tenant in the URL — and nothing changes.
 */
@QuarkusTest
@QuarkusTestResource(LocalApiResource.class)
class AppIsolationTest {
    private static final String TENANT = "iso-apps-acme";
    private static final String NS = "tenant-" + TENANT;
    private static final int ROUNDS = 5;

    @Inject
    Instance<BasicWebSocketConnector> connectors;

    @TestHTTPResource("/")
    URI base;

    @BeforeAll
    static void aliceHasAnAppWaitingForApproval() {
        Tenants.ensure(Tenants.ownedBy(TENANT, OwnerKind.User, ALICE));
        Tenants.ensure(Tenants.ownedBy("iso-apps-globex", OwnerKind.Group, "globex-platform-team"));
        Apps.ensure(NS, "pest-control", "field-service", "Customer");
        Apps.ensureGeneration(NS, "pest-control", "pest-control-3");
        Canaries.ensureRollout(NS, "pest-control", "pest-control-3");
        Canaries.report(NS, "pest-control-3", Canaries::progressingAtStepTwo);
    }

    @Test
    void everyPageRestCallAndWriteAnswersNotFound() {
        var gina = SignedIn.as(GINA);
        String ginasCookie = SignedIn.cookie(GINA, "gina-local");
        List<String> reads = new ArrayList<>();
        for (String tenant : List.of(TENANT, "iso-apps-globex")) {
            String app = "/tenants/" + tenant + "/apps/pest-control";
            reads.addAll(List.of(app, app + "/generations/pest-control-3", "/api" + app,
                    "/api" + app + "/generations/pest-control-3", app + "/canaries", app + "/canaries/pest-control-3"));
        }
        reads.addAll(List.of("/tenants/" + TENANT + "/apps", "/tenants/" + TENANT + "/apps/new",
                "/api/tenants/" + TENANT + "/apps"));
        int attempts = 0;
        int succeeded = 0;
        for (int round = 0; round < ROUNDS; round++) {
            for (String path : reads) {
                attempts++;
                int status = gina.get(path).statusCode();
                succeeded += status == 404 ? 0 : 1;
                assertThat(status).as(path).isEqualTo(404);
            }
            for (String decision : List.of("approve", "reject")) {
                for (String tenant : List.of(TENANT, "iso-apps-globex")) {
                    attempts++;
                    int status = gina.formParam("reason", "not mine").post("/tenants/" + tenant
                            + "/apps/pest-control/generations/pest-control-3/" + decision).statusCode();
                    succeeded += status == 404 ? 0 : 1;
                    assertThat(status).as(decision + " via " + tenant).isEqualTo(404);
                }
            }
            for (String action : List.of("promote", "abort")) {
                for (String tenant : List.of(TENANT, "iso-apps-globex")) {
                    for (String confirm : List.of("", "yes")) {
                        attempts++;
                        // a fresh request each time: a RequestSpecification keeps adding form values
                        int status = io.restassured.RestAssured.given().redirects().follow(false)
                                .cookie("quarkus-credential", ginasCookie).formParam("confirm", confirm)
                                .formParam("resourceVersion", Canaries.canary(NS, "pest-control-3").getMetadata().getResourceVersion())
                                .post("/tenants/" + tenant
                                + "/apps/pest-control/canaries/pest-control-3/" + action).statusCode();
                        succeeded += status == 404 ? 0 : 1;
                        assertThat(status).as(action + " via " + tenant).isEqualTo(404);
                    }
                }
            }
            attempts++;
            int create = gina.formParam("action", "create").formParam("source", "form").formParam("name", "planted")
                    .formParam("vertical", "fitness").post("/tenants/" + TENANT + "/apps/new").statusCode();
            succeeded += create == 404 ? 0 : 1;
            assertThat(create).isEqualTo(404);
        }
        assertThat(attempts).isEqualTo(ROUNDS * (reads.size() + 5 + 8));
        assertThat(succeeded).isZero();
        assertThat(Apps.generation(NS, "pest-control-3").getMetadata().getAnnotations()).isNullOrEmpty();
        assertThat(Apps.app(NS, "planted")).isNull();
        assertThat(Canaries.canary(NS, "pest-control-3").getMetadata().getAnnotations()).isNullOrEmpty();
        SignedIn.as(ALICE).get("/api/tenants/" + TENANT + "/apps/pest-control/generations/pest-control-3").then()
                .statusCode(200);
    }

    @Test
    void aTimelineSubscriptionIsClosedHavingSentNothing() throws Exception {
        int refused = 0;
        for (int i = 0; i < ROUNDS; i++) {
            for (String tenant : List.of(TENANT, "iso-apps-globex")) {
                CompletableFuture<Integer> closedWith = new CompletableFuture<>();
                List<String> leaked = new ArrayList<>();
                connectors.get().baseUri(base).path("/ws/tenants/" + tenant + "/apps/pest-control/generations/pest-control-3")
                        .addHeader("Cookie", "quarkus-credential=" + SignedIn.cookie(GINA, "gina-local"))
                        .onTextMessage((connection, text) -> leaked.add(text))
                        .onClose((connection, reason) -> closedWith.complete(reason.getCode()))
                        .connectAndAwait();
                assertThat(closedWith.get(10, TimeUnit.SECONDS)).isEqualTo(GenerationStatusSocket.NOT_FOUND);
                assertThat(leaked).isEmpty();
                refused++;
            }
        }
        assertThat(refused).isEqualTo(2 * ROUNDS);
    }
}
