package io.veroforge.localapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.veroforge.api.v1alpha1.CrdManifests;
import io.veroforge.api.v1alpha1.Tenant;
import io.veroforge.api.v1alpha1.TenantStatus;

/** What a user does with kubectl against {@code --local}: the real binary, the real CRDs and examples. */
class KubectlAgainstLocalApiTest {

    @TempDir
    static Path dir;

    static LocalKubernetesApi api;
    static Kubectl kubectl;
    static Path repoRoot;

    @BeforeAll
    static void startApiWithCrds() {
        repoRoot = LocalCheckout.findRoot().orElseThrow(() -> new IllegalStateException("run from the checkout"));
        List<CustomResourceDefinition> crds = CrdManifests.definitions();
        assertThat(crds).extracting(c -> c.getMetadata().getName()).contains("tenants.veroforge.io");
        api = LocalKubernetesApi.start(0);
        api.install(crds);
        LocalKubeconfig kubeconfig = LocalKubeconfig.write(dir.resolve("kubeconfig"), api.url());
        kubectl = new Kubectl(kubeconfig.file(), dir.resolve("cache"));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void applyingTheAcmeExampleCreatesItAndGetPrintsThePrinterColumns() {
        Kubectl.Result apply = kubectl.run("apply", "-f", repoRoot.resolve("crds/examples/tenant-acme.yaml").toString());
        assertThat(apply.exitCode()).as(apply.out()).isZero();
        assertThat(apply.out()).contains("tenant.veroforge.io/acme created");

        Kubectl.Result get = kubectl.run("get", "tenants");
        assertThat(get.exitCode()).as(get.out()).isZero();
        String header = get.out().lines().findFirst().orElseThrow();
        assertThat(header).contains("NAME", "TIER", "NAMESPACE", "READY", "REASON", "AGE");
        assertThat(get.out()).containsPattern("(?m)^acme\\s.*basic");

        Kubectl.Result again = kubectl.run("apply", "-f", repoRoot.resolve("crds/examples/tenant-acme.yaml").toString());
        assertThat(again.out()).contains("tenant.veroforge.io/acme unchanged");
    }

    @Test
    void reapplyingAChangedSpecPatchesTheStoredTenant() throws Exception {
        kubectl.run("apply", "-f", fixture("patched", "basic").toString());
        Kubectl.Result apply = kubectl.run("apply", "-f", fixture("patched", "basic", "Patched Inc").toString());
        assertThat(apply.out()).contains("tenant.veroforge.io/patched configured");
        assertThat(kubectl.run("get", "tenant", "patched", "-o", "jsonpath={.spec.displayName}").out()).isEqualTo("Patched Inc");
    }

    @Test
    void theCategoryAndTheShortNameBothListTenants() throws Exception {
        kubectl.run("apply", "-f", fixture("by-alias", "basic").toString());
        Kubectl.Result category = kubectl.run("get", "veroforge");
        assertThat(category.exitCode()).as(category.out()).isZero();
        assertThat(category.out()).contains("tenant.veroforge.io/by-alias");
        Kubectl.Result shortName = kubectl.run("get", "tn", "by-alias");
        assertThat(shortName.exitCode()).as(shortName.out()).isZero();
        assertThat(shortName.out()).containsPattern("(?m)^by-alias\\s");
    }

    @Test
    void waitReturnsOnceTheReadyConditionIsWrittenToStatus() throws Exception {
        kubectl.run("apply", "-f", fixture("waited", "basic").toString());
        Process wait = kubectl.start("wait", "--for=condition=Ready", "tenant/waited", "--timeout=30s");
        Thread.sleep(1500); // let kubectl list and start watching before the status changes
        assertThat(wait.isAlive()).as("kubectl wait must block while the tenant is not Ready").isTrue();

        try (KubernetesClient client = api.newClient()) {
            Tenant tenant = client.resources(Tenant.class).withName("waited").get();
            TenantStatus status = new TenantStatus();
            status.setNamespace("tenant-waited");
            status.setConditions(List.of(new ConditionBuilder().withType("Ready").withStatus("True")
                    .withReason("Provisioned").withMessage("namespace and schema ready")
                    .withLastTransitionTime("2025-01-01T00:00:00Z").build()));
            tenant.setStatus(status);
            client.resource(tenant).updateStatus();
        }

        assertThat(wait.waitFor(20, TimeUnit.SECONDS)).as("kubectl wait returned").isTrue();
        String out = new String(wait.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(wait.exitValue()).as(out).isZero();
        assertThat(out).contains("tenant.veroforge.io/waited condition met");
        assertThat(kubectl.run("get", "tenant", "waited").out())
                .containsPattern("(?m)^waited\\s.*basic\\s+tenant-waited\\s+True\\s+Provisioned|"
                        + "(?m)^waited\\s.*True.*Provisioned|(?m)^waited\\s.*Provisioned.*True");
        // a status write must not touch the spec
        assertThat(kubectl.run("get", "tenant", "waited", "-o", "jsonpath={.spec.tier}").out()).isEqualTo("basic");
    }

    @Test
    void waitGivesUpAtItsTimeoutWhenNothingHappens() throws Exception {
        kubectl.run("apply", "-f", fixture("never-ready", "basic").toString());
        long start = System.nanoTime();
        Process wait = kubectl.start("wait", "--for=condition=Ready", "tenant/never-ready", "--timeout=3s");
        boolean returned = wait.waitFor(15, TimeUnit.SECONDS);
        if (!returned) {
            wait.destroyForcibly();
        }
        assertThat(returned).as("kubectl wait returned at its timeout, not minutes later").isTrue();
        String out = new String(wait.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(wait.exitValue()).as(out).isNotZero();
        assertThat(out).contains("timed out");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void describeShowsTheEventsOfThatObjectOnly() throws Exception {
        kubectl.run("apply", "-f", fixture("described", "basic").toString());
        kubectl.run("apply", "-f", fixture("bystander", "basic").toString());
        try (KubernetesClient client = api.newClient()) {
            record(client, client.resources(Tenant.class).withName("described").get(), "InvalidSpec", "spec.owners: at least one owner");
            record(client, client.resources(Tenant.class).withName("bystander").get(), "Provisioned", "all good elsewhere");
        }

        Kubectl.Result describe = kubectl.run("describe", "tenant", "described");
        assertThat(describe.exitCode()).as(describe.out()).isZero();
        String events = describe.out().substring(describe.out().indexOf("Events:"));
        assertThat(events).as(describe.out()).contains("InvalidSpec").contains("spec.owners: at least one owner").doesNotContain("all good elsewhere");

        Kubectl.Result selected = kubectl.run("get", "events", "-A", "--field-selector", "involvedObject.name=bystander");
        assertThat(selected.out()).contains("all good elsewhere").doesNotContain("InvalidSpec");
    }

    @Test
    void eventsAreListedWithTheColumnsKubectlShows() throws Exception {
        kubectl.run("apply", "-f", fixture("eventful", "basic").toString());
        try (KubernetesClient client = api.newClient()) {
            record(client, client.resources(Tenant.class).withName("eventful").get(), "DatabaseUnavailable", "connection refused");
        }
        Kubectl.Result get = kubectl.run("get", "events", "-n", "default");
        assertThat(get.exitCode()).as(get.out()).isZero();
        assertThat(get.out().lines().findFirst().orElseThrow())
                .containsPattern("^LAST SEEN\\s+TYPE\\s+REASON\\s+OBJECT\\s+MESSAGE$");
        assertThat(get.out()).containsPattern("(?m)^\\S+\\s+Warning\\s+DatabaseUnavailable\\s+tenant/eventful\\s+connection refused$");
    }

    @Test
    void aWatchOnEventsOnlyStreamsTheSelectedObjects() throws Exception {
        kubectl.run("apply", "-f", fixture("watched-events", "basic").toString());
        Process watch = kubectl.start("get", "events", "-n", "default", "-w", "--output-watch-events",
                "--field-selector", "involvedObject.name=watched-events");
        java.util.concurrent.CompletableFuture<String> output = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return new String(watch.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                return "";
            }
        });
        try (KubernetesClient client = api.newClient()) {
            Thread.sleep(1500); // let kubectl start watching
            record(client, client.resources(Tenant.class).withName("watched-events").get(), "Selected", "this one");
            Tenant other = client.resources(Tenant.class).withName("watched-events").get();
            other.getMetadata().setName("someone-else");
            other.getMetadata().setUid("other-uid");
            record(client, other, "NotSelected", "not this one");
            Thread.sleep(1500);
        } finally {
            watch.destroy();
        }
        String out = output.get(10, TimeUnit.SECONDS);
        assertThat(out).contains("this one").doesNotContain("not this one");
    }

    /** A Warning event about {@code about}, as the operator's EventRecorder writes it. */
    private static void record(KubernetesClient client, Tenant about, String reason, String message) {
        String now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        client.v1().events().inNamespace("default").resource(new io.fabric8.kubernetes.api.model.EventBuilder()
                .withNewMetadata().withName(about.getMetadata().getName() + "." + Math.abs((reason + message).hashCode()))
                .withNamespace("default").endMetadata()
                .withNewInvolvedObject().withApiVersion("veroforge.io/v1alpha1").withKind("Tenant")
                .withName(about.getMetadata().getName()).withUid(about.getMetadata().getUid()).endInvolvedObject()
                .withType("Warning").withReason(reason).withMessage(message).withCount(1)
                .withFirstTimestamp(now).withLastTimestamp(now)
                .withNewSource().withComponent("veroforge-operator").endSource().build()).create();
    }

    @Test
    void deletingATenantRemovesIt() throws Exception {
        kubectl.run("apply", "-f", fixture("deleted", "basic").toString());
        Kubectl.Result delete = kubectl.run("delete", "tenant", "deleted");
        assertThat(delete.exitCode()).as(delete.out()).isZero();
        assertThat(delete.out()).contains("tenant.veroforge.io \"deleted\" deleted");
        Kubectl.Result get = kubectl.run("get", "tenant", "deleted");
        assertThat(get.exitCode()).isNotZero();
        assertThat(get.out()).contains("NotFound");
    }

    @Test
    void builtInKindsCanBeAppliedAndListedInANamespace() throws Exception {
        Path ns = dir.resolve("ns.yaml");
        Files.writeString(ns, """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: tenant-demo
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                  namespace: tenant-demo
                data:
                  a: b
                """);
        Kubectl.Result apply = kubectl.run("apply", "-f", ns.toString());
        assertThat(apply.exitCode()).as(apply.out()).isZero();
        assertThat(kubectl.run("get", "configmaps", "-n", "tenant-demo").out()).containsPattern("(?m)^settings\\s");
        assertThat(kubectl.run("get", "ns").out()).containsPattern("(?m)^tenant-demo\\s");
    }

    static Path fixture(String name, String tier) throws Exception {
        return fixture(name, tier, "Tenant " + name);
    }

    static Path fixture(String name, String tier, String displayName) throws Exception {
        Path file = dir.resolve(name + "-" + tier + "-" + displayName.hashCode() + ".yaml");
        Files.writeString(file, """
                apiVersion: veroforge.io/v1alpha1
                kind: Tenant
                metadata:
                  name: %s
                spec:
                  tier: %s
                  displayName: %s
                  owners:
                    - kind: User
                      name: alice@example.com
                """.formatted(name, tier, displayName));
        return file;
    }
}
