package io.veroforge.operator.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.veroforge.api.v1alpha1.AppSpec;
import io.veroforge.api.v1alpha1.DeliverySpec;
import io.veroforge.api.v1alpha1.Generation;
import io.veroforge.api.v1alpha1.GitRepositorySpec;
import io.veroforge.api.v1alpha1.RolloutSpec;
import io.veroforge.api.v1alpha1.Tenant;
import io.veroforge.api.v1alpha1.TenantOwner;
import io.veroforge.api.v1alpha1.TenantSpec;
import io.veroforge.api.v1alpha1.Tier;
import io.veroforge.operator.testing.CloudNativePgDiscovery;
import io.veroforge.operator.testing.CustomerGitHost;
import io.veroforge.operator.testing.TestPostgres;

/**
 * Every kind of failure waits for its backoff, whatever events arrive meanwhile (the status write
 * recording the failure, a worker's completion, the AppSpec's informer): over one 10 s window the
 * failing Generations, their AppSpecs and the Tenants (one whose database is unreachable) are
 * reconciled a handful of times each, not
 * hundreds. Before, a worker stage that threw was submitted again on the very next reconcile,
 * which its own completion event and status write triggered at once (~160 per second).
 *
 * <p>Git and the database fail for real (an unreachable remote; the operator's PostgreSQL proxy
 * stopped); the API error, the invalid input and the bug are thrown by {@link FailureInjectingStages}.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true, setup = CloudNativePgDiscovery.class)
@QuarkusTestResource(TestPostgres.class)
class FailingStagesHonourTheirBackoffTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration WINDOW = Duration.ofSeconds(10);
    /** A doubling backoff from 1 s gives three or four attempts in the window, a few reconciles each (a hot loop: thousands). */
    private static final int HANDFUL = 20;

    @Inject
    KubernetesClient client;
    @Inject
    MeterRegistry metrics;

    @Test
    void noFailureKindReconcilesMoreThanAHandfulOfTimesIn10Seconds() throws Exception {
        String tenant = TestPostgres.tenantName("backoff");
        String ns = readyTenant(tenant);
        Map<String, Predicate<Generation>> failing = new LinkedHashMap<>();
        client.resource(new SecretBuilder().withNewMetadata().withName("git-token").withNamespace(ns).endMetadata()
                .addToStringData("username", CustomerGitHost.USER).addToStringData("password", CustomerGitHost.TOKEN).build()).create();
        client.resource(withRemote(app("git-app", ns), "http://127.0.0.1:9/nobody/app.git")).create();
        failing.put("git-app", retrying("GitUnavailable"));
        client.resource(app("api-app", ns)).create();
        failing.put("api-app", retrying("KubernetesApiError"));
        client.resource(app("invalid-app", ns)).create();
        failing.put("invalid-app", failed("InvalidInput"));
        client.resource(app("bug-app", ns)).create();
        failing.put("bug-app", retrying("InternalError"));
        AppSpec badSpec = app("badspec-app", ns);
        badSpec.getSpec().getTemplatePack().setRevision("no-such-revision");
        client.resource(badSpec).create();
        try {
            TestPostgres.proxy.stop();
            client.resource(app("db-app", ns)).create();
            // and a Tenant whose schema cannot be provisioned: JOSDK's retry and the error status
            String offline = TestPostgres.tenantName("backoff-nodb");
            client.resource(tenant(offline)).create();
            await().atMost(WAIT).until(() -> client.resources(Tenant.class).withName(offline).get().getStatus(),
                    st -> st != null && !st.isTrue("Ready"));
            failing.put("db-app", retrying("DatabaseUnavailable"));
            failing.forEach((app, state) -> awaitGeneration(ns, app + "-1", state));
            await().atMost(WAIT).until(() -> apps(ns, "badspec-app").getStatus(), s -> s != null && !s.isTrue("Ready"));

            List<String> names = new ArrayList<>(failing.keySet());
            names.add("badspec-app");
            Map<String, Double> before = counts(ns, List.of(tenant, offline), names);
            Thread.sleep(WINDOW.toMillis());
            Map<String, Double> after = counts(ns, List.of(tenant, offline), names);

            Map<String, Integer> reconciles = new LinkedHashMap<>();
            after.forEach((what, n) -> reconciles.put(what, (int) (n - before.get(what))));
            System.out.println("reconciles in " + WINDOW.toSeconds() + " s: " + reconciles);
            assertThat(reconciles).allSatisfy((what, n) -> assertThat(n).as(what).isLessThanOrEqualTo(HANDFUL));
            // the invalid input stops its run: nothing left to retry
            assertThat(reconciles.get("Generation invalid-app-1")).isLessThanOrEqualTo(1);
            // a bug is an internal error, counted, and retried at the longest backoff (60 s), not like an outage
            assertThat(reconciles.get("Generation bug-app-1")).isLessThanOrEqualTo(1);
            assertThat(generation(ns, "bug-app-1").getStatus().getStages().get(0).getMessage())
                    .contains("InternalError: NullPointerException").contains("a bug in the operator");
            assertThat(metrics.find("veroforge.internal.errors").tag("controller", "generation").tag("exception", "NullPointerException")
                    .counters().stream().mapToDouble(Counter::count).sum()).isGreaterThanOrEqualTo(1);
            assertThat(generation(ns, "db-app-1").getStatus().getStages().stream()
                    .filter(s -> s.getName() == io.veroforge.api.v1alpha1.StageName.Migrate).findFirst().orElseThrow().getMessage())
                    .contains("DatabaseUnavailable");
        } finally {
            TestPostgres.proxy.start();
        }
    }

    /** Reconciles started so far, per Generation ({@code <app>-1}), AppSpec and the Tenant, from JOSDK's per-resource metric. */
    private Map<String, Double> counts(String ns, List<String> tenants, List<String> apps) {
        Map<String, Double> counts = new LinkedHashMap<>();
        for (String app : apps) {
            if (!app.equals("badspec-app")) {
                counts.put("Generation " + app + "-1", started("Generation", app + "-1"));
            }
            counts.put("AppSpec " + app, started("AppSpec", app));
        }
        tenants.forEach(t -> counts.put("Tenant " + t, started("Tenant", t)));
        return counts;
    }

    private double started(String kind, String name) {
        return metrics.find("operator.sdk.reconciliations.started").tag("kind", kind).tag("name", name).counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private static Predicate<Generation> retrying(String reason) {
        return g -> g.getStatus() != null && g.getStatus().condition("Succeeded").map(c -> "Retrying".equals(c.getReason())).orElse(false)
                && g.getStatus().getStages().stream().anyMatch(s -> s.getMessage() != null && s.getMessage().contains(reason));
    }

    private static Predicate<Generation> failed(String reason) {
        return g -> g.getStatus() != null && g.getStatus().condition("Succeeded").map(c -> reason.equals(c.getReason())).orElse(false);
    }

    private void awaitGeneration(String ns, String name, Predicate<Generation> state) {
        try {
            await().atMost(WAIT).until(() -> generation(ns, name), g -> g != null && state.test(g));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            Generation g = generation(ns, name);
            throw new AssertionError(name + " never got there; its status is:\n" + (g == null ? "(none)" : Serialization.asYaml(g.getStatus())), e);
        }
    }

    private Generation generation(String ns, String name) {
        return client.resources(Generation.class).inNamespace(ns).withName(name).get();
    }

    private AppSpec apps(String ns, String name) {
        return client.resources(AppSpec.class).inNamespace(ns).withName(name).get();
    }

    private String readyTenant(String name) {
        Tenant tenant = tenant(name);
        client.resource(tenant).create();
        await().atMost(WAIT).until(() -> client.resources(Tenant.class).withName(name).get(), t -> t.getStatus() != null && t.getStatus().isTrue("Ready"));
        return tenant.namespaceName();
    }

    private static Tenant tenant(String name) {
        Tenant tenant = new Tenant();
        tenant.setMetadata(new ObjectMetaBuilder().withName(name).build());
        TenantSpec spec = new TenantSpec();
        spec.setTier(Tier.basic);
        spec.setOwners(new ArrayList<>(List.of(new TenantOwner(TenantOwner.OwnerKind.User, "alice@example.com", null))));
        tenant.setSpec(spec);
        return tenant;
    }

    /** The pest-control example under another name, delivered the default way (platform-kept repository, direct). */
    private static AppSpec app(String name, String ns) throws Exception {
        try (InputStream in = Files.newInputStream(Path.of(System.getProperty("vf.repo.root", "../.."), "crds", "examples", "appspec-pest-control.yaml"))) {
            AppSpec app = Serialization.unmarshal(in, AppSpec.class);
            app.getMetadata().setName(name);
            app.getMetadata().setNamespace(ns);
            app.getSpec().setDelivery(new DeliverySpec());
            app.getSpec().setRollout(new RolloutSpec());
            return app;
        }
    }

    private static AppSpec withRemote(AppSpec app, String url) {
        GitRepositorySpec git = new GitRepositorySpec();
        git.setUrl(url);
        git.setSecretRef("git-token");
        app.getSpec().getDelivery().setGit(git);
        return app;
    }
}
