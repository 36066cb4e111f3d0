package io.veroforge.console.playground;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.veroforge.api.v1alpha1.AppSpec;
import io.veroforge.api.v1alpha1.DeletionPolicy;
import io.veroforge.api.v1alpha1.Tenant;
import io.veroforge.api.v1alpha1.TenantOwner.OwnerKind;
import io.veroforge.console.LocalApiResource;
import io.veroforge.console.SignedIn;
import io.veroforge.console.Tenants;

/**
 * The public playground with the test profile's limits (3 demos per client address per hour, 4 demo Tenants at
 * once): a description becomes a demo Tenant with TTL and small quota and then its app; the rate limit per address;
 * the cap; hostile input; and a playground URL never opens a Tenant that is not a demo. Clients are told apart by
 * X-Forwarded-For (proxy address forwarding is on in the test profile). The Tenant reconciler's part is played.
 */
@QuarkusTest
@QuarkusTestResource(LocalApiResource.class)
class PlaygroundTest {
    private static final String IDEA = "A dog walking service: owners book walks for their dogs, walkers log each walk.";

    @Test
    void aDescriptionBecomesADemoTenantWithTtlAndSmallQuotaThenItsApp() {
        freePlaces(1);
        String location = post("198.51.100.1", IDEA).then().statusCode(303).extract().header("Location");
        String name = location.replaceAll(".*/playground/", "");
        assertThat(name).matches("demo-[a-z0-9]{10}");
        Tenant demo = tenant(name);
        assertThat(demo.getMetadata().getLabels()).containsEntry(DemoTenants.LABEL, "true");
        assertThat(demo.getSpec().getTtl()).isEqualTo("24h");
        assertThat(demo.getSpec().getDeletionPolicy()).isEqualTo(DeletionPolicy.Delete);
        assertThat(demo.getSpec().getQuota().getCpu().toString()).isEqualTo("1");
        assertThat(demo.getSpec().getQuota().getPods()).isEqualTo(10);
        assertThat(demo.getSpec().getOwners()).singleElement().satisfies(o -> assertThat(o.getKind()).isEqualTo(OwnerKind.Group));

        given().get("/playground/" + name).then().statusCode(200).body(containsString("the app is created from your words once it exists"));
        Tenants.reportReady(name, "True", "Provisioned", "namespace, quota and schema are in place");
        given().get("/playground/" + name).then().statusCode(200).body(containsString("Ready (Provisioned)"));
        try (KubernetesClient admin = LocalApiResource.admin()) {
            AppSpec app = admin.resources(AppSpec.class).inNamespace("tenant-" + name).withName("idea").get();
            assertThat(app.getSpec().getRequirements()).isEqualTo(IDEA);
        }
        // a second visit creates nothing more
        given().get("/playground/" + name).then().statusCode(200);
        try (KubernetesClient admin = LocalApiResource.admin()) {
            assertThat(admin.resources(AppSpec.class).inNamespace("tenant-" + name).list().getItems()).hasSize(1);
        }
    }

    @Test
    void eachClientAddressGetsItsRequestsPerWindowAndThenA429() {
        int limited = 0;
        for (int i = 0; i < 3; i++) {
            limited += post("198.51.100.2", IDEA).statusCode() == 429 ? 1 : 0;
        }
        assertThat(limited).as("the first three of an address are not rate limited").isZero();
        Response fourth = post("198.51.100.2", IDEA);
        assertThat(fourth.statusCode()).isEqualTo(429);
        assertThat(fourth.header("Retry-After")).isEqualTo("3600");
        assertThat(fourth.asString()).contains("Too many demos from your address: 3 per 1 h");
        assertThat(post("198.51.100.3", IDEA).statusCode()).as("another address is not limited by the first").isNotEqualTo(429);
    }

    @Test
    void thePlaygroundIsCappedInDemoTenantsAliveAtOnce() {
        int accepted = 0;
        int address = 10;
        while (post("198.51.100." + address++, IDEA).statusCode() == 303) {
            accepted++;
            assertThat(accepted).as("never more than the cap").isLessThanOrEqualTo(4);
        }
        Response full = post("198.51.100." + address++, IDEA);
        assertThat(full.statusCode()).isEqualTo(503);
        assertThat(full.asString()).contains("The playground is full: 4 of 4 demo tenants are running");
        assertThat(demos()).hasSize(4);

        freePlaces(1);
        assertThat(post("198.51.100." + address, IDEA).statusCode()).isEqualTo(303);
        assertThat(demos()).hasSize(4);
    }

    @Test
    void hostileInputIsRefusedNamingWhatToChange() {
        post("198.51.100.50", "   ").then().statusCode(422).body(containsString("description: describe your idea"));
        String script = "<script>alert(1)</script>" + "x".repeat(2000);
        post("198.51.100.50", script).then().statusCode(422).body(containsString("characters; the playground takes at most 2000"))
                .body(containsString("&lt;script&gt;")).body(org.hamcrest.Matchers.not(containsString("<script>alert")));
        post("198.51.100.50", "bell \u0007 ringing").then().statusCode(422).body(containsString("control characters"));
    }

    @Test
    void aPlaygroundUrlNeverOpensATenantThatIsNotADemo() {
        Tenants.ensure(Tenants.ownedBy("demo-customer", OwnerKind.User, SignedIn.ALICE));
        int opened = 0;
        for (String name : List.of("demo-customer", "acme", "demo-nosuchdemo", "..%2Facme", "demo-CAPS")) {
            opened += given().get("/playground/" + name).statusCode() == 404 ? 0 : 1;
        }
        assertThat(opened).isZero();
    }

    private static Response post(String client, String description) {
        return given().redirects().follow(false).header("X-Forwarded-For", client).formParam("description", description)
                .post("/playground");
    }

    private static Tenant tenant(String name) {
        try (KubernetesClient admin = LocalApiResource.admin()) {
            return admin.resources(Tenant.class).withName(name).get();
        }
    }

    private static List<Tenant> demos() {
        try (KubernetesClient admin = LocalApiResource.admin()) {
            return admin.resources(Tenant.class).withLabel(DemoTenants.LABEL, "true").list().getItems();
        }
    }

    /** What the TTL does in a cluster (the Tenant reconciler deletes an expired demo), played: the oldest ones go. */
    static void freePlaces(int places) {
        try (KubernetesClient admin = LocalApiResource.admin()) {
            List<Tenant> all = admin.resources(Tenant.class).withLabel(DemoTenants.LABEL, "true").list().getItems();
            int over = all.size() - (4 - places);
            for (int i = 0; i < over; i++) {
                admin.resource(all.get(i)).delete();
            }
            await(admin, 4 - places);
        }
    }

    private static void await(KubernetesClient admin, int atMost) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> admin.resources(Tenant.class).withLabel(DemoTenants.LABEL, "true").list().getItems().size() <= atMost);
    }
}
