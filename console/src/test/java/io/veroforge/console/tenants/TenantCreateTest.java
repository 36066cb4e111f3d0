package io.veroforge.console.tenants;

import static io.veroforge.console.SignedIn.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.veroforge.api.v1alpha1.Tenant;
import io.veroforge.console.LocalApiResource;
import io.veroforge.console.SignedIn;

/** The create form: preview is a server-side dry-run whose refusals appear naming the field; create applies. */
@QuarkusTest
class TenantCreateTest {

    @Test
    void previewIsADryRunThatCreatesNothing() {
        SignedIn.as(ALICE).formParam("action", "preview").formParam("source", "form").formParam("name", "dry-acme")
                .formParam("tier", "basic").formParam("ownerUser", ALICE).formParam("deletionPolicy", "Retain")
                .post("/tenants/new").then().statusCode(200).body(containsString("id=\"accepted\""))
                .body(anyOf(containsString("name: &quot;dry-acme&quot;"), containsString("name: dry-acme")));
        assertThat(stored("dry-acme")).isNull();
    }

    @Test
    void aRefusedYamlShowsTheApiServersMessageAtItsField() {
        String yaml = """
                apiVersion: veroforge.io/v1alpha1
                kind: Tenant
                metadata:
                  name: bad-acme
                spec:
                  tier: basic
                  owners:
                    - kind: User
                      name: alice@acme-pest.example.com
                    - kind: ServiceAccount
                      name: deployer
                """;
        SignedIn.as(ALICE).formParam("action", "preview").formParam("source", "yaml").formParam("yaml", yaml)
                .post("/tenants/new").then().statusCode(422)
                .body(containsString("spec.owners"))
                .body(containsString("namespace is required for a ServiceAccount owner"));
        assertThat(stored("bad-acme")).isNull();
    }

    @Test
    void anUnknownTierIsNamedWithTheValuesItMayTake() {
        SignedIn.as(ALICE).formParam("action", "preview").formParam("source", "form").formParam("name", "tier-acme")
                .formParam("tier", "platinum").formParam("ownerUser", ALICE).post("/tenants/new").then().statusCode(422)
                .body(containsString("spec.tier")).body(containsString("basic, pro, enterprise"));
    }

    @Test
    void aTenantTheCreatorWouldNotOwnIsRefusedBeforeTheApi() {
        SignedIn.as(ALICE).formParam("action", "create").formParam("source", "form").formParam("name", "orphan")
                .formParam("ownerUser", "someone@else.example.com").post("/tenants/new").then().statusCode(422)
                .body(containsString("spec.owners")).body(containsString("add yourself"));
        assertThat(stored("orphan")).isNull();
    }

    @Test
    void createAppliesAndOpensTheTenantWhoseDeletionIsSpelledOut() {
        SignedIn.as(ALICE).formParam("action", "create").formParam("source", "form").formParam("name", "made-acme")
                .formParam("tier", "pro").formParam("ownerUser", ALICE).formParam("deletionPolicy", "Delete")
                .post("/tenants/new").then().statusCode(303).header("Location", containsString("/tenants/made-acme"));
        assertThat(stored("made-acme").getSpec().getOwners()).extracting(o -> o.getName()).containsExactly(ALICE);
        SignedIn.as(ALICE).get("/tenants/made-acme").then().statusCode(200)
                .body(anyOf(containsString("drops the tenant&#39;s dedicated database"), containsString("drops the tenant's dedicated database")));
        SignedIn.as(ALICE).formParam("confirm", "wrong").post("/tenants/made-acme/delete").then().statusCode(422)
                .body(containsString("type the Tenant"));
        SignedIn.as(ALICE).formParam("confirm", "made-acme").post("/tenants/made-acme/delete").then().statusCode(303);
        assertThat(stored("made-acme")).satisfiesAnyOf(t -> assertThat(t).isNull(),
                t -> assertThat(t.getMetadata().getDeletionTimestamp()).isNotNull());
    }

    private static Tenant stored(String name) {
        try (KubernetesClient admin = LocalApiResource.admin()) {
            return admin.resources(Tenant.class).withName(name).get();
        }
    }
}
