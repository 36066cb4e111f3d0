package io.veroforge.console.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.veroforge.console.LocalApiResource;

/**
 * One jar serves the local run and production, and form sign-in is built in for the local run; in the
 * {@code prod} profile the built-in store must hold nobody, so the local credentials open nothing.
 */
@QuarkusTest
@TestProfile(ProductionSignInTest.Production.class)
@QuarkusTestResource(LocalApiResource.class)
class ProductionSignInTest {

    public static class Production implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "prod";
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            // production settings the chart gives; the test needs no identity provider to refuse a form sign-in
            return Map.of("quarkus.oidc.tenant-enabled", "false");
        }
    }

    @Test
    void theLocalCredentialsOpenNothingInProduction() {
        for (String[] user : new String[][] {{"alice@acme-pest.example.com", "alice-local"}, {"gina@globex.example.com", "gina-local"}}) {
            given().redirects().follow(false).formParam("j_username", user[0]).formParam("j_password", user[1])
                    .post("/j_security_check").then().statusCode(302).header("Location", endsWith("/login.html?error=true"));
        }
        given().redirects().follow(false).get("/api/tenants").then().statusCode(anyOf(is(302), is(401)));
    }
}
