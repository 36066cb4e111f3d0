package io.veroforge.console.tenants;

import static io.veroforge.console.SignedIn.ALICE;
import static io.veroforge.console.SignedIn.GINA;
import static io.veroforge.console.SignedIn.LOPEZ;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

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
import io.restassured.RestAssured;
import io.veroforge.api.v1alpha1.TenantOwner.OwnerKind;
import io.veroforge.console.LocalApiResource;
import io.veroforge.console.SignedIn;
import io.veroforge.console.Tenants;

/** A user sees only the Tenants they own (as User or through a Group), on every page, REST call and socket. */
@QuarkusTest
@QuarkusTestResource(LocalApiResource.class)
class TenantIsolationTest {
    /** A connector keeps its headers and handlers, so every connection gets a fresh one. */
    @Inject
    Instance<BasicWebSocketConnector> connectors;

    @TestHTTPResource("/")
    URI base;

    @BeforeAll
    static void tenants() {
        Tenants.ensure(Tenants.ownedBy("iso-acme", OwnerKind.User, ALICE));
        Tenants.ensure(Tenants.ownedBy("iso-brightsmile", OwnerKind.Group, "brightsmile-it"));
        Tenants.ensure(Tenants.ownedBy("iso-globex", OwnerKind.Group, "globex-platform-team"));
    }

    @Test
    void aSignedOutVisitorIsSentToSignIn() {
        for (String path : List.of("/tenants", "/api/tenants", "/tenants/iso-acme", "/api/tenants/iso-acme")) {
            RestAssured.given().redirects().follow(false).get(path).then().statusCode(302)
                    .header("Location", containsString("/login.html"));
        }
    }

    @Test
    void aWrongPasswordDoesNotSignIn() {
        RestAssured.given().redirects().follow(false).formParam("j_username", ALICE).formParam("j_password", "guess")
                .post("/j_security_check").then().statusCode(302).header("Location", containsString("error"));
    }

    @Test
    void eachUserListsOnlyTheTenantsTheyOwnByUserOrGroup() {
        SignedIn.as(ALICE).get("/tenants").then().statusCode(200).body(containsString("data-tenant=\"iso-acme\""))
                .body(not(containsString("iso-brightsmile"))).body(not(containsString("iso-globex")));
        List<String> lopez = SignedIn.as(LOPEZ).get("/api/tenants").then().statusCode(200).extract().jsonPath()
                .getList("name");
        assertThat(lopez).contains("iso-brightsmile").doesNotContain("iso-acme", "iso-globex");
        List<String> gina = SignedIn.as(GINA).get("/api/tenants").then().statusCode(200).extract().jsonPath()
                .getList("name");
        assertThat(gina).contains("iso-globex").doesNotContain("iso-acme", "iso-brightsmile");
    }

    @Test
    void anotherUsersTenantCannotBeOpenedCalledOrDeleted() {
        var gina = SignedIn.as(GINA);
        int attempts = 0;
        int succeeded = 0;
        for (int i = 0; i < 5; i++) {
            for (String path : List.of("/tenants/iso-acme", "/api/tenants/iso-acme")) {
                attempts++;
                int status = gina.get(path).statusCode();
                succeeded += status == 200 ? 1 : 0;
                assertThat(status).as(path).isEqualTo(404);
            }
            attempts++;
            int delete = gina.formParam("confirm", "iso-acme").post("/tenants/iso-acme/delete").statusCode();
            succeeded += delete == 303 ? 1 : 0;
            assertThat(delete).isEqualTo(404);
        }
        assertThat(attempts).isEqualTo(15);
        assertThat(succeeded).isZero();
        SignedIn.as(ALICE).get("/api/tenants/iso-acme").then().statusCode(200).body("name", org.hamcrest.Matchers.equalTo("iso-acme"));
    }

    @Test
    void theOwnerSubscribesToLiveStatusAnotherUserIsRefused() throws Exception {
        Tenants.reportReady("iso-acme", "False", "DatabaseError", "schema not created yet");
        List<String> received = new ArrayList<>();
        CompletableFuture<String> readyPushed = new CompletableFuture<>();
        var owner = connectors.get().baseUri(base).path("/ws/tenants/iso-acme")
                .addHeader("Cookie", cookie(ALICE, "alice-local"))
                .onTextMessage((connection, text) -> {
                    synchronized (received) {
                        received.add(text);
                    }
                    if (text.contains("\"state\":\"Ready\"")) {
                        readyPushed.complete(text);
                    }
                }).connectAndAwait();
        Tenants.reportReady("iso-acme", "True", "Provisioned", "namespace, quota and schema are in place");
        assertThat(readyPushed.get(20, TimeUnit.SECONDS)).contains("Provisioned");
        synchronized (received) {
            assertThat(received).as("pushed on subscribe, then on the status change").hasSizeGreaterThanOrEqualTo(2);
            assertThat(received.get(0)).contains("DatabaseError");
            assertThat(received).allMatch(text -> text.contains("\"name\":\"iso-acme\""));
        }
        owner.closeAndAwait();

        int refused = 0;
        for (int i = 0; i < 5; i++) {
            CompletableFuture<Integer> closedWith = new CompletableFuture<>();
            List<String> leaked = new ArrayList<>();
            connectors.get().baseUri(base).path("/ws/tenants/iso-acme").addHeader("Cookie", cookie(GINA, "gina-local"))
                    .onTextMessage((connection, text) -> leaked.add(text))
                    .onClose((connection, reason) -> closedWith.complete(reason.getCode()))
                    .connectAndAwait();
            assertThat(closedWith.get(10, TimeUnit.SECONDS)).isEqualTo(TenantStatusSocket.NOT_FOUND);
            assertThat(leaked).isEmpty();
            refused++;
        }
        assertThat(refused).isEqualTo(5);
    }

    private static String cookie(String user, String password) {
        return "quarkus-credential=" + SignedIn.cookie(user, password);
    }
}
