package io.veroforge.operator.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.veroforge.api.telemetry.TelemetryEventSchema;
import io.veroforge.api.v1alpha1.AppSpec;
import io.veroforge.api.v1alpha1.Canary;
import io.veroforge.api.v1alpha1.MigrationPhase;
import io.veroforge.api.v1alpha1.MigrationPlan;
import io.veroforge.api.v1alpha1.MigrationStep;
import io.veroforge.api.v1alpha1.ApprovalPolicy;
import io.veroforge.api.v1alpha1.ApprovalState;
import io.veroforge.api.v1alpha1.DeliveryMode;
import io.veroforge.api.v1alpha1.DeliverySpec;
import io.veroforge.api.v1alpha1.EntitySpec;
import io.veroforge.api.v1alpha1.FieldSpec;
import io.veroforge.api.v1alpha1.FieldType;
import io.veroforge.api.v1alpha1.Generation;
import io.veroforge.api.v1alpha1.GenerationPhase;
import io.veroforge.api.v1alpha1.GenerationStatus;
import io.veroforge.api.v1alpha1.GitRepositorySpec;
import io.veroforge.api.v1alpha1.RolloutSpec;
import io.veroforge.api.v1alpha1.RolloutStrategy;
import io.veroforge.api.v1alpha1.StageName;
import io.veroforge.api.v1alpha1.StageState;
import io.veroforge.api.v1alpha1.StageStatus;
import io.veroforge.api.v1alpha1.Tenant;
import io.veroforge.api.v1alpha1.TenantOwner;
import io.veroforge.api.v1alpha1.TenantSpec;
import io.veroforge.api.v1alpha1.Tier;
import io.veroforge.generator.GenerationPipeline;
import io.veroforge.generator.input.AppSpecInput;
import io.veroforge.operator.db.TenantDatabaseNames;
import io.veroforge.operator.delivery.GitOpsDeploy;
import io.veroforge.operator.delivery.git.AppGitCredentials;
import io.veroforge.operator.delivery.git.PlatformGit;
import io.veroforge.operator.telemetry.TelemetryEvent;
import io.veroforge.operator.testing.CloudNativePgDiscovery;
import io.veroforge.operator.testing.CustomerGitHost;
import io.veroforge.operator.testing.OnConflict;
import io.veroforge.operator.testing.RecordingTelemetrySink;
import io.veroforge.localapi.SimulatedControllers;
import io.veroforge.operator.testing.TestPostgres;

/**
 * The whole pipeline with real parts: AppSpecs in real Tenants (real PostgreSQL schemas), the
 * real generator, real Git repositories (the platform's own, served over smart HTTP, and a
 * customer's remote on a real Git HTTP server), Flyway migrations into the tenant's database.
 * The API server is the CRUD mock, which runs no controllers: {@link SimulatedControllers} does what
 * the Job and Deployment controllers would (a Job completes or fails, a Deployment rolls out), in
 * the open.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true, setup = CloudNativePgDiscovery.class)
@QuarkusTestResource(TestPostgres.class)
class GenerationPipelineTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path EXAMPLES = Path.of(System.getProperty("vf.repo.root", "../..")).resolve("crds/examples");
    private static final ObjectMapper BINDER = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @TempDir
    static Path customerRepos;
    static CustomerGitHost customerGit;

    @Inject
    KubernetesClient client;
    @Inject
    PlatformGit platformGit;
    @Inject
    RecordingTelemetrySink telemetry;

    @BeforeAll
    static void startCustomerGitHost() throws Exception {
        customerGit = new CustomerGitHost(customerRepos.resolve("host"));
    }

    @AfterAll
    static void stopCustomerGitHost() throws Exception {
        if (customerGit != null) {
            customerGit.close();
        }
    }

    @Test
    void anAppSpecEndsAsACommittedMigratedDeployedApp() throws Exception {
        String ns = readyTenant("shop");
        try (SimulatedControllers cluster = new SimulatedControllers(client).run(ns)) {
            AppSpec app = client.resource(pestControl(ns)).create();

            Generation done = awaitGeneration(ns, "pest-control-1", succeeded());
            GenerationStatus status = done.getStatus();
            assertThat(status.getPhase()).isEqualTo(GenerationPhase.Succeeded);
            assertThat(status.getStages()).extracting(StageStatus::getName).containsExactly(StageName.values());
            assertThat(status.getStages()).allSatisfy(s -> {
                assertThat(s.getState()).isEqualTo(StageState.Succeeded);
                assertThat(s.getStartedAt()).isNotNull();
                assertThat(s.getFinishedAt()).isNotNull();
            });
            assertThat(status.getArtifacts().getEntities()).isGreaterThanOrEqualTo(4);
            assertThat(status.getApproval().getState()).isEqualTo(ApprovalState.NotRequired);
            assertThat(status.getMigrationPlan().getSteps()).isNotEmpty().noneMatch(s -> Boolean.TRUE.equals(s.getDestructive()));

            // Git: the platform-kept repository, cloned over smart HTTP with the app's credentials.
            String url = platformGit.cloneUrl(ns, "pest-control");
            assertThat(status.getCommit().getRepository()).isEqualTo(url);
            AppGitCredentials credentials = AppGitCredentials.read(client, ns, "pest-control").orElseThrow();
            Path clone = Files.createTempDirectory("clone");
            try (Git git = Git.cloneRepository().setURI(url).setDirectory(clone.toFile())
                    .setCredentialsProvider(new UsernamePasswordCredentialsProvider(credentials.username(), credentials.password())).call()) {
                assertThat(git.getRepository().resolve("refs/remotes/origin/main").name()).isEqualTo(status.getCommit().getSha());
                assertThat(git.getRepository().resolve("refs/remotes/origin/veroforge/generated").name()).isEqualTo(status.getCommit().getGeneratedSha());
                RevCommit head = git.log().setMaxCount(1).call().iterator().next();
                assertThat(head.getFullMessage()).contains("pest-control-1").contains("nestjs-prisma-react@");
            }
            assertThat(clone.resolve("deploy/k8s/api.yaml")).exists();
            assertThat(clone.resolve("README.md")).exists();
            try (var files = Files.walk(clone)) {
                List<String> names = files.map(p -> p.getFileName().toString()).toList();
                assertThat(names).contains("schema.prisma").anyMatch(n -> n.endsWith("schema.sql"));
            }

            // Database: the app's schema in the tenant's database, every table with RLS forced, owned by the tenant role.
            String schema = status.getMigrationPlan().getSchema();
            assertThat(schema).startsWith("app_").endsWith("_pest_control");
            List<String> tables = tablesOf(schema);
            assertThat(tables).contains("customers", "properties", "service_visits", "technicians");
            for (String table : tables) {
                assertThat(forcedRowLevelSecurity(schema, table)).as("RLS forced on " + table).isTrue();
            }

            // Cluster: the app's Deployments and Services, with the images kaniko built for the commit.
            List<Deployment> deployments = client.apps().deployments().inNamespace(ns).withLabel("veroforge.io/appspec", "pest-control").list().getItems();
            assertThat(deployments).hasSize(2);
            assertThat(deployments).allSatisfy(d -> {
                assertThat(d.getMetadata().getLabels()).containsEntry("veroforge.io/generation", "pest-control-1");
                assertThat(d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                        .startsWith("registry.test.invalid/" + tenantOf(ns) + "/pest-control-").endsWith(":" + status.getCommit().getSha());
            });
            assertThat(client.services().inNamespace(ns).withLabel("veroforge.io/appspec", "pest-control").list().getItems()).hasSize(2);
            Secret appSecret = client.secrets().inNamespace(ns).list().getItems().stream()
                    .filter(s -> s.getMetadata().getName().endsWith("-secrets")).findFirst().orElseThrow();
            assertThat(decode(appSecret, "DATABASE_URL")).contains("search_path%3D" + schema);
            assertThat(client.batch().v1().jobs().inNamespace(ns).list().getItems()).extracting(j -> j.getMetadata().getName())
                    .contains("pest-control-1-build-api", "pest-control-1-build-ui");

            // The AppSpec says what serves.
            AppSpec reported = await().atMost(WAIT).until(() -> apps(app).get(),
                    a -> a.getStatus() != null && "pest-control-1".equals(a.getStatus().getDeployedGeneration()));
            assertThat(reported.getStatus().getRepository()).isEqualTo(url);
            await().atMost(WAIT).until(() -> apps(app).get().getStatus().isTrue("Deployed"));
            assertThat(reported.getStatus().getAppUrl()).isEqualTo(status.getDeployment().getUrl()).isNotBlank();

            // Telemetry: the run, with its counts, under an anonymous customer id.
            TelemetryEvent run = telemetry.events().stream().filter(e -> e.type() == TelemetryEvent.Type.generation && e.data().success())
                    .filter(e -> e.data().templateId().startsWith("nestjs-prisma-react@")).findFirst().orElseThrow();
            assertThat(run.data().metrics()).containsKeys("entitiesGenerated", "apiEndpointsGenerated", "uiComponentsGenerated");
            assertThat(run.customerId()).matches("[0-9a-f]{32}").doesNotContain(tenantOf(ns));
            assertThat(telemetry.events()).anyMatch(e -> e.type() == TelemetryEvent.Type.deployment && e.data().success());
            JsonSchema contract = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(TelemetryEventSchema.open());
            for (TelemetryEvent event : telemetry.events()) {
                assertThat(contract.validate(new ObjectMapper().valueToTree(event))).as("%s", event).isEmpty();
            }
        }
    }

    @Test
    void regenerationMigratesAdditivelyKeepsCustomerEditsAndWaitsForApprovalOfDestructiveSteps() throws Exception {
        String ns = readyTenant("clinic");
        String repo = customerGit.create(ns + "-pest");
        try (SimulatedControllers cluster = new SimulatedControllers(client).run(ns)) {
            AppSpec app = client.resource(withRemote(pestControl(ns), repo)).create();
            Generation first = awaitGeneration(ns, "pest-control-1", succeeded());
            String schema = first.getStatus().getMigrationPlan().getSchema();
            insertCustomer(ns, schema, "Ada");

            // A developer edits a file the next generation does not touch, and adds one of their own.
            SortedMap<String, String> v1 = generate(apps(app).get());
            AppSpec v2Spec = addCustomerField(apps(app).get(), "gateCode");
            SortedMap<String, String> v2 = generate(v2Spec);
            String untouched = v1.keySet().stream().filter(p -> p.endsWith(".ts") && v1.get(p).equals(v2.get(p))).findFirst().orElseThrow();
            customerCommit(repo, Map.of(untouched, v1.get(untouched) + "\n// customer: keep this\n", "docs/CUSTOM.md", "# ours\n"));

            editApp(app, a -> addCustomerField(a, "gateCode"));
            Generation second = awaitGeneration(ns, "pest-control-2", succeeded());
            assertThat(second.getStatus().getApproval().getState()).isEqualTo(ApprovalState.NotRequired);
            assertThat(second.getStatus().getMigrationPlan().getFrom()).isEqualTo("pest-control-1");
            assertThat(second.getStatus().getMigrationPlan().getSteps()).extracting(s -> s.getDescription()).anyMatch(d -> d.contains("gate_code"));
            assertThat(columnsOf(schema, "customers")).contains("gate_code");
            assertThat(customerNames(ns, schema)).containsExactly("Ada");
            assertThat(second.getStatus().getCommit().getDrift()).contains(untouched, "docs/CUSTOM.md");
            SortedMap<String, String> main = filesOn(repo, "main");
            assertThat(main.get(untouched)).contains("// customer: keep this");
            assertThat(main.get("docs/CUSTOM.md")).isEqualTo("# ours\n");
            assertThat(main.entrySet().stream().filter(e -> e.getKey().endsWith("schema.prisma")).findFirst().orElseThrow().getValue()).contains("gateCode");
            assertThat(client.apps().deployments().inNamespace(ns).withLabel("veroforge.io/generation", "pest-control-2").list().getItems()).hasSize(2);
            Generation replaced = awaitGeneration(ns, "pest-control-1", g -> g.getStatus().condition("Ready").map(c -> "False".equals(c.getStatus())).orElse(false));
            assertThat(replaced.getStatus().condition("Ready").orElseThrow().getReason()).isEqualTo("Replaced");
            assertThat(replaced.getStatus().isTrue("Succeeded")).isTrue();

            // Dropping a column loses data: the run waits for a person, and only then migrates.
            editApp(app, a -> {
                a.getSpec().getEntities().get(0).getFields().removeIf(f -> f.getName().equals("gateCode"));
                return a;
            });
            Generation waiting = awaitGeneration(ns, "pest-control-3", g -> g.getStatus() != null && g.getStatus().getPhase() == GenerationPhase.AwaitingApproval);
            assertThat(waiting.getStatus().getApproval().getState()).isEqualTo(ApprovalState.Pending);
            assertThat(waiting.getStatus().getApproval().getReason()).contains("destructive");
            assertThat(waiting.getStatus().getMigrationPlan().getSteps()).anyMatch(s -> Boolean.TRUE.equals(s.getDestructive()));
            assertThat(stage(waiting, StageName.Migrate).getState()).isEqualTo(StageState.Pending);
            await().atMost(WAIT).untilAsserted(() -> assertThat(apps(app).get().getStatus().condition("Deployed").orElseThrow())
                    .satisfies(c -> {
                        assertThat(c.getStatus()).isEqualTo("False");
                        assertThat(c.getReason()).isEqualTo("AwaitingApproval");
                        assertThat(c.getMessage()).contains("pest-control-2 keeps serving");
                    }));
            await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> columnsOf(schema, "customers").contains("gate_code"));

            approve(ns, "pest-control-3");
            Generation approved = awaitGeneration(ns, "pest-control-3", succeeded());
            assertThat(approved.getStatus().getApproval().getState()).isEqualTo(ApprovalState.Approved);
            assertThat(approved.getStatus().getApproval().getBy()).isEqualTo("alice");
            assertThat(columnsOf(schema, "customers")).doesNotContain("gate_code").contains("name", "email");
            assertThat(customerNames(ns, schema)).containsExactly("Ada");
            assertThat(eventsOf(ns, "pest-control-3")).extracting(Event::getReason).contains("ApprovalRequired", "Approved");
        }
    }

    @Test
    void underManualApprovalANewerGenerationSupersedesAWaitingOneAndARejectionStopsTheRun() throws Exception {
        String ns = readyTenant("manual");
        try (SimulatedControllers cluster = new SimulatedControllers(client).run(ns)) {
            AppSpec input = pestControl(ns);
            input.getSpec().getApproval().setPolicy(ApprovalPolicy.MANUAL);
            AppSpec app = client.resource(input).create();
            Generation first = awaitGeneration(ns, "pest-control-1", g -> g.getStatus() != null && g.getStatus().getPhase() == GenerationPhase.AwaitingApproval);
            assertThat(first.getStatus().getApproval().getReason()).startsWith("policy manual");
            assertThat(tablesOf(first.getStatus().getMigrationPlan().getSchema())).as("nothing migrated before approval").isEmpty();

            // The AppSpec moves on while pest-control-1 waits: approving it would deploy a model nobody wants any more.
            editApp(app, a -> addCustomerField(a, "gateCode"));
            Generation superseded = awaitGeneration(ns, "pest-control-1", g -> g.getStatus().getPhase() == GenerationPhase.Superseded);
            assertThat(superseded.getStatus().condition("Succeeded").orElseThrow().getReason()).isEqualTo("Superseded");
            assertThat(stage(superseded, StageName.AwaitApproval).getMessage()).contains("pest-control-2");

            awaitGeneration(ns, "pest-control-2", g -> g.getStatus() != null && g.getStatus().getPhase() == GenerationPhase.AwaitingApproval);
            OnConflict.retry(() -> generations(ns).withName("pest-control-2").edit(g -> {
                g.getMetadata().setAnnotations(Map.of(Generation.REJECT_ANNOTATION, "bob", Generation.REJECT_REASON_ANNOTATION, "not before the audit"));
                return g;
            }));
            Generation rejected = awaitGeneration(ns, "pest-control-2", g -> g.getStatus().getPhase() == GenerationPhase.Rejected);
            assertThat(rejected.getStatus().getApproval().getState()).isEqualTo(ApprovalState.Rejected);
            assertThat(rejected.getStatus().getApproval().getBy()).isEqualTo("bob");
            assertThat(rejected.getStatus().getApproval().getReason()).isEqualTo("not before the audit");
            assertThat(rejected.getStatus().getApproval().getAt()).isNotBlank();
            assertThat(stage(rejected, StageName.Migrate).getState()).isEqualTo(StageState.Pending);
            assertThat(eventsOf(ns, "pest-control-2")).filteredOn(e -> "Warning".equals(e.getType())).extracting(Event::getReason).contains("Rejected");
            assertThat(client.apps().deployments().inNamespace(ns).list().getItems()).isEmpty();
        }
    }

    @Test
    void anEnterpriseTenantsAppIsMigratedInsideItsOwnCluster() throws Exception {
        String name = TestPostgres.tenantName("ent");
        Tenant enterprise = tenant(name);
        enterprise.getSpec().setTier(Tier.enterprise);
        client.resource(enterprise).create();
        String ns = enterprise.namespaceName();
        String role = TenantDatabaseNames.of(name).role();
        String database = "vf_cluster_" + ns; // veroforge.postgres.cluster-jdbc-url of the test profile
        var clusters = client.genericKubernetesResources(new ResourceDefinitionContext.Builder().withGroup("postgresql.cnpg.io")
                .withVersion("v1").withKind("Cluster").withPlural("clusters").withNamespaced(true).build()).inNamespace(ns);
        try (SimulatedControllers cluster = new SimulatedControllers(client).run(ns)) {
            GenericKubernetesResource pg = await().atMost(WAIT).until(() -> clusters.withName("tenant-db").get(), c -> c != null);
            // What CloudNativePG would do: bootstrap the application database, owned by the tenant's
            // role from the credentials Secret, lock down public, and report the cluster ready.
            try (Connection c = admin(); Statement s = c.createStatement()) {
                s.execute("CREATE ROLE \"" + role + "\" LOGIN");
                s.execute("CREATE DATABASE \"" + database + "\" OWNER \"" + role + "\"");
            }
            try (Connection c = adminTo(database); Statement s = c.createStatement()) {
                s.execute("REVOKE ALL ON SCHEMA public FROM PUBLIC");
            }
            pg.getAdditionalProperties().put("status", Map.of("readyInstances", 1, "phase", "Cluster in healthy state"));
            clusters.resource(pg).updateStatus();
            await().atMost(WAIT).until(() -> client.resources(Tenant.class).withName(name).get(), t -> t.getStatus() != null && t.getStatus().isTrue("Ready"));

            client.resource(pestControl(ns)).create();
            Generation done = awaitGeneration(ns, "pest-control-1", succeeded());

            String schema = done.getStatus().getMigrationPlan().getSchema();
            try (Connection c = adminTo(database); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT c.relname, pg_get_userbyid(c.relowner), c.relforcerowsecurity FROM pg_class c"
                         + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '" + schema + "' AND c.relkind = 'r'"
                         + " AND c.relname <> 'veroforge_schema_history' ORDER BY 1")) {
                List<String> tables = new ArrayList<>();
                while (rs.next()) {
                    tables.add(rs.getString(1));
                    assertThat(rs.getString(2)).as("owner of " + rs.getString(1)).isEqualTo(role);
                    assertThat(rs.getBoolean(3)).as("RLS forced on " + rs.getString(1)).isTrue();
                }
                assertThat(tables).contains("customers", "properties", "service_visits");
            }
            assertThat(tablesOf(schema)).as("nothing on the shared server").isEmpty();
        } finally {
            try (Connection c = admin(); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS \"" + database + "\" WITH (FORCE)");
            }
        }
    }

    @Test
    void aConflictingCustomerEditStopsTheRunUntilTheResolutionReachesMain() throws Exception {
        String ns = readyTenant("conflict");
        String repo = customerGit.create(ns + "-pest");
        try (SimulatedControllers cluster = new SimulatedControllers(client).run(ns)) {
            AppSpec app = client.resource(withRemote(pestControl(ns), repo)).create();
            awaitGeneration(ns, "pest-control-1", succeeded());

            // The developer rewrites a line the next generation also rewrites (the customer name's length limit).
            SortedMap<String, String> v1 = generate(apps(app).get());
            SortedMap<String, String> v2 = generate(widenCustomerName(apps(app).get()));
            String path = v1.keySet().stream().filter(p -> !v1.get(p).equals(v2.get(p)) && lines(v1.get(p)).size() == lines(v2.get(p)).size())
                    .findFirst().orElseThrow();
            List<String> edited = new ArrayList<>(lines(v1.get(path)));
            int changed = firstDifference(lines(v1.get(path)), lines(v2.get(path)));
            edited.set(changed, edited.get(changed) + " // customer tweak");
            customerCommit(repo, "main", Map.of(path, String.join("\n", edited)));
            String mainBefore = head(repo, "main");

            editApp(app, this::widenCustomerName);
            Generation stopped = awaitGeneration(ns, "pest-control-2", g -> g.getStatus() != null
                    && g.getStatus().condition("Succeeded").map(c -> "MergeConflict".equals(c.getReason())).orElse(false));
            assertThat(stopped.getStatus().getPhase()).isEqualTo(GenerationPhase.Running);
            assertThat(stopped.getStatus().getStage()).isEqualTo(StageName.Commit);
            assertThat(stopped.getStatus().condition("Succeeded").orElseThrow().getStatus()).isEqualTo("Unknown");
            assertThat(stopped.getStatus().getCommit().getConflicts()).containsExactly(path);
            assertThat(stopped.getStatus().getCommit().getBranch()).isEqualTo("veroforge/conflicts/pest-control-2");
            assertThat(stage(stopped, StageName.Commit).getMessage()).contains(path).contains("veroforge/conflicts/pest-control-2");
            String marked = filesOn(repo, "veroforge/conflicts/pest-control-2").get(path);
            assertThat(marked).contains("<<<<<<<").contains("customer tweak");
            assertThat(head(repo, "main")).isEqualTo(mainBefore);
            assertThat(stage(stopped, StageName.Migrate).getState()).isEqualTo(StageState.Pending);
            await().atMost(WAIT).untilAsserted(() -> assertThat(eventsOf(ns, "pest-control-2")).filteredOn(e -> "Warning".equals(e.getType()))
                    .extracting(Event::getReason).containsOnlyOnce("MergeConflict"));

            // The developer resolves on the conflicts branch (keeping both: the new limit and the tweak) and merges it into main.
            String resolved = v2.get(path).replace(lines(v2.get(path)).get(changed), lines(v2.get(path)).get(changed) + " // customer tweak");
            customerCommit(repo, "veroforge/conflicts/pest-control-2", Map.of(path, resolved));
            fastForward(repo, "main", "veroforge/conflicts/pest-control-2");

            Generation done = awaitGeneration(ns, "pest-control-2", succeeded());
            assertThat(done.getStatus().getCommit().getConflicts()).isEmpty();
            assertThat(done.getStatus().getCommit().getSha()).isEqualTo(head(repo, "main"));
            assertThat(filesOn(repo, "main").get(path)).isEqualTo(resolved).doesNotContain("<<<<<<<");
        }
    }

    @Test
    void aCrashBetweenAnyTwoStagesRepeatsNothing() throws Exception {
        String ns = readyTenant("crash");
        try (SimulatedControllers cluster = new SimulatedControllers(client).run(ns)) {
            client.resource(pestControl(ns)).create();
            Generation done = awaitGeneration(ns, "pest-control-1", succeeded());
            String sha = done.getStatus().getCommit().getSha();
            String schema = done.getStatus().getMigrationPlan().getSchema();

            // The operator died after doing a stage's work but before writing the status: what it
            // recorded ends at the stage before. On restart it resumes there, and finds the work done.
            for (StageName crashedIn : List.of(StageName.Synthesize, StageName.Scan, StageName.Commit, StageName.AwaitApproval, StageName.Migrate, StageName.Build,
                    StageName.Deploy, StageName.Verify)) {
                OnConflict.retry(() -> generations(ns).withName("pest-control-1").editStatus(g -> forgetFrom(g, crashedIn)));
                Generation again = awaitGeneration(ns, "pest-control-1", succeeded());
                assertThat(again.getStatus().getCommit().getSha()).as("after a crash in " + crashedIn).isEqualTo(sha);
            }
            try (Repository repository = Git.open(platformGit.repositories().pathOf(ns, "pest-control").toFile()).getRepository()) {
                List<RevCommit> generated = new ArrayList<>();
                new Git(repository).log().add(repository.resolve("refs/heads/veroforge/generated")).call().forEach(generated::add);
                assertThat(generated).hasSize(1);
            }
            assertThat(appliedVersions(schema)).containsExactly(1);
            assertThat(client.batch().v1().jobs().inNamespace(ns).list().getItems()).hasSize(2);
            assertThat(client.apps().deployments().inNamespace(ns).list().getItems()).hasSize(2);
        }
    }

    @Test
    void anUnreachableGitRemoteIsRetriedWithBackoffUntilItAnswers() throws Exception {
        String ns = readyTenant("offline");
        try (SimulatedControllers cluster = new SimulatedControllers(client).run(ns)) {
            String nowhere = "http://127.0.0.1:9/nobody/pest.git";
            AppSpec app = client.resource(withRemote(pestControl(ns), nowhere)).create();

            Generation retrying = awaitGeneration(ns, "pest-control-1", g -> g.getStatus() != null
                    && g.getStatus().condition("Succeeded").map(c -> "Retrying".equals(c.getReason())).orElse(false));
            assertThat(retrying.getStatus().condition("Succeeded").orElseThrow().getStatus()).isEqualTo("Unknown");
            assertThat(stage(retrying, StageName.Commit).getState()).isEqualTo(StageState.Running);
            assertThat(stage(retrying, StageName.Commit).getMessage()).contains("GitUnavailable").contains(nowhere);
            await().atMost(WAIT).untilAsserted(() -> assertThat(eventsOf(ns, "pest-control-1")).extracting(Event::getReason).contains("GitUnavailable"));

            // The remote comes back (here: the AppSpec is pointed at a reachable one); the same Generation goes on.
            String repo = customerGit.create(ns + "-pest");
            editApp(app, a -> withRemote(a, repo));
            awaitGeneration(ns, "pest-control-1", succeeded());
            assertThat(head(repo, "main")).isNotNull();
        }
    }

    @Test
    void aMissingCredentialsSecretIsReportedAndWaitedForWithoutSpinning() throws Exception {
        String ns = readyTenant("nocreds");
        AppSpec input = pestControl(ns);
        GitRepositorySpec git = new GitRepositorySpec();
        git.setUrl(customerGit.create(ns + "-pest"));
        git.setSecretRef("not-created-yet");
        input.getSpec().getDelivery().setGit(git);
        client.resource(input).create();

        Generation waiting = awaitGeneration(ns, "pest-control-1", g -> g.getStatus() != null
                && g.getStatus().condition("Succeeded").map(c -> "GitCredentialsMissing".equals(c.getReason())).orElse(false));
        assertThat(stage(waiting, StageName.Commit).getMessage()).contains("spec.delivery.git.secretRef").contains("not-created-yet")
                .contains("username and password");
        // Waiting is quiet: the status is not rewritten until the stage looks again (30 s later).
        String version = waiting.getMetadata().getResourceVersion();
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6))
                .until(() -> generations(ns).withName("pest-control-1").get().getMetadata().getResourceVersion(), version::equals);
    }

    @Test
    void aFailedBuildStopsTheRunWithWhatTheBuildSaid() throws Exception {
        String ns = readyTenant("noreg");
        try (SimulatedControllers cluster = new SimulatedControllers(client).run(ns)) {
            cluster.failJobs(ns, "error pushing image: dial tcp registry.test.invalid:443: connect: connection refused");
            client.resource(pestControl(ns)).create();

            Generation failed = awaitGeneration(ns, "pest-control-1", g -> g.getStatus() != null && g.getStatus().getPhase() == GenerationPhase.Failed);
            assertThat(failed.getStatus().getStage()).isEqualTo(StageName.Build);
            assertThat(failed.getStatus().condition("Succeeded").orElseThrow().getReason()).isEqualTo("BuildFailed");
            assertThat(stage(failed, StageName.Build).getMessage()).contains("connection refused").contains("kubectl -n " + ns + " logs job/");
            // Kubernetes retried the build pod before giving up (the Job's backoff), so the run did not stop at the first error.
            Job job = client.batch().v1().jobs().inNamespace(ns).withName("pest-control-1-build-api").get();
            assertThat(job.getSpec().getBackoffLimit()).isPositive();
            assertThat(client.apps().deployments().inNamespace(ns).list().getItems()).isEmpty();
        }
    }

    @Test
    void aFailedRolloutPutsThePreviousGenerationBack() throws Exception {
        String ns = readyTenant("rollback");
        try (SimulatedControllers cluster = new SimulatedControllers(client).run(ns)) {
            AppSpec app = client.resource(pestControl(ns)).create();
            Generation first = awaitGeneration(ns, "pest-control-1", succeeded());

            cluster.failRollouts(ns, "ReplicaSet \"pest-control-api-7d9\" has timed out progressing.");
            editApp(app, a -> addCustomerField(a, "notes"));
            Generation failed = awaitGeneration(ns, "pest-control-2", g -> g.getStatus() != null && g.getStatus().getPhase() == GenerationPhase.Failed);
            assertThat(failed.getStatus().getStage()).isEqualTo(StageName.Verify);
            assertThat(failed.getStatus().condition("Succeeded").orElseThrow().getReason()).isEqualTo("RolloutFailed");
            assertThat(failed.getStatus().getDeployment().getResult()).isEqualTo("RolledBack");
            assertThat(stage(failed, StageName.Verify).getMessage()).contains("timed out progressing").contains("rolled back to pest-control-1");

            List<Deployment> serving = client.apps().deployments().inNamespace(ns).list().getItems();
            assertThat(serving).hasSize(2).allSatisfy(d -> {
                assertThat(d.getMetadata().getLabels()).containsEntry("veroforge.io/generation", "pest-control-1");
                assertThat(d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).endsWith(":" + first.getStatus().getCommit().getSha());
            });
            await().atMost(WAIT).untilAsserted(() -> assertThat(apps(app).get().getStatus().getDeployedGeneration()).isEqualTo("pest-control-1"));
        }
    }

    @Test
    void aCanaryAppSpecDeploysBesideTheStableAndVerifyWaitsForTheCanarysOutcome() throws Exception {
        String ns = readyTenant("canary");
        try (SimulatedControllers cluster = new SimulatedControllers(client).run(ns)) {
            AppSpec spec = pestControl(ns);
            spec.getSpec().getRollout().setStrategy(RolloutStrategy.canary);
            AppSpec app = client.resource(spec).create();
            // the first release has nothing to compare with: applied directly, labelled with its revision
            awaitGeneration(ns, "pest-control-1", succeeded());
            assertThat(client.resources(Canary.class).inNamespace(ns).list().getItems()).isEmpty();
            assertThat(client.apps().deployments().inNamespace(ns).withLabel("veroforge.io/revision", "pest-control-1").list().getItems()).hasSize(2);

            editApp(app, a -> addCustomerField(a, "notes"));
            Generation rolling = awaitGeneration(ns, "pest-control-2", g -> g.getStatus() != null && g.getStatus().getStage() == StageName.Verify
                    && "CanaryProgressing".equals(g.getStatus().condition("Succeeded").map(c -> c.getReason()).orElse("")));
            assertThat(rolling.getStatus().getDeployment().getObjects()).contains("Canary/pest-control-2");
            List<Deployment> canaries = client.apps().deployments().inNamespace(ns).withLabel("veroforge.io/canary-role", "canary").list().getItems();
            assertThat(canaries).hasSize(2).allSatisfy(d -> {
                assertThat(d.getMetadata().getName()).endsWith("-canary");
                assertThat(d.getMetadata().getLabels()).containsEntry("veroforge.io/revision", "pest-control-2");
                assertThat(d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
                        .anyMatch(e -> "VEROFORGE_REVISION".equals(e.getName()) && "pest-control-2".equals(e.getValue()));
            });
            assertThat(client.apps().deployments().inNamespace(ns).withLabel("veroforge.io/generation", "pest-control-1").list().getItems())
                    .as("the stable revision is kept beside the canary, not pruned").hasSize(2);
            promoteThroughEveryStep(ns, "pest-control-2");
            Generation promoted = awaitGeneration(ns, "pest-control-2", succeeded());
            assertThat(promoted.getStatus().getDeployment().getResult()).isEqualTo("Promoted");
            assertThat(client.apps().deployments().inNamespace(ns).withLabel("veroforge.io/generation", "pest-control-2").list().getItems())
                    .filteredOn(d -> !d.getMetadata().getName().endsWith("-canary")).hasSize(2)
                    .allSatisfy(d -> assertThat(d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                            .endsWith(":" + promoted.getStatus().getCommit().getSha()));

            editApp(app, a -> addCustomerField(a, "gateCode"));
            awaitGeneration(ns, "pest-control-3", g -> g.getStatus() != null && g.getStatus().getStage() == StageName.Verify);
            await().atMost(WAIT).until(() -> canaryStep(ns, "pest-control-3") == 0);
            act(ns, "pest-control-3", "abort");
            Generation rolledBack = awaitGeneration(ns, "pest-control-3", g -> g.getStatus().getPhase() == GenerationPhase.Failed);
            assertThat(rolledBack.getStatus().condition("Succeeded").orElseThrow().getReason()).isEqualTo("CanaryRolledBack");
            assertThat(rolledBack.getStatus().getDeployment().getResult()).isEqualTo("RolledBack");
            assertThat(stage(rolledBack, StageName.Verify).getMessage()).contains("aborted by hand").contains("keeps serving");
            assertThat(client.apps().deployments().inNamespace(ns).withName("pest-control-api-canary").get().getSpec().getReplicas()).isZero();
            await().atMost(WAIT).untilAsserted(() -> assertThat(apps(app).get().getStatus().getDeployedGeneration()).isEqualTo("pest-control-2"));
        }
    }

    /**
     * Expand/contract: removing a column while the old revision still serves would break it, so under a
     * canary the drop waits until promotion (version 2.1 of the schema); a narrowing type change fits
     * neither moment and cannot canary.
     */
    @Test
    void aCanaryMigratesExpandFirstAndContractsOnlyAfterPromotion() throws Exception {
        String ns = readyTenant("expand");
        try (SimulatedControllers cluster = new SimulatedControllers(client).run(ns)) {
            AppSpec app = deployedCanaryApp(ns);
            String schema = schemaOf(ns, "pest-control-1");
            assertThat(columnsOf(schema, "customers")).contains("phone");

            editApp(app, a -> withoutCustomerField(a, "phone"));
            awaitGeneration(ns, "pest-control-2", g -> g.getStatus() != null && g.getStatus().getPhase() == GenerationPhase.AwaitingApproval);
            approve(ns, "pest-control-2");
            Generation rolling = awaitGeneration(ns, "pest-control-2", g -> g.getStatus() != null && g.getStatus().getStage() == StageName.Verify
                    && "CanaryProgressing".equals(g.getStatus().condition("Succeeded").map(c -> c.getReason()).orElse("")));
            assertThat(rolling.getStatus().getMigrationPlan().getSteps()).filteredOn(s -> s.getDescription().contains("drop column customers.phone"))
                    .singleElement().satisfies(s -> assertThat(s.getPhase()).isEqualTo(MigrationPhase.Contract));
            assertThat(stage(rolling, StageName.Migrate).getMessage()).contains("contract step(s) run after the canary is promoted");
            assertThat(columnsOf(schema, "customers")).as("the stable revision still reads phone").contains("phone");
            assertThat(historyOf(schema)).containsExactly("1", "2");

            promoteThroughEveryStep(ns, "pest-control-2");
            Generation promoted = awaitGeneration(ns, "pest-control-2", succeeded());
            assertThat(stage(promoted, StageName.Verify).getMessage()).contains("contract applied version 2.1");
            assertThat(columnsOf(schema, "customers")).doesNotContain("phone").contains("name", "email");
            assertThat(historyOf(schema)).containsExactly("1", "2", "2.1");

            editApp(app, a -> {
                a.getSpec().getEntities().get(1).getFields().stream().filter(f -> f.getName().equals("squareMeters"))
                        .forEach(f -> f.setType(FieldType.INTEGER));
                return a;
            });
            awaitGeneration(ns, "pest-control-3", g -> g.getStatus() != null && g.getStatus().getPhase() == GenerationPhase.AwaitingApproval);
            approve(ns, "pest-control-3");
            Generation refused = awaitGeneration(ns, "pest-control-3", g -> g.getStatus().getPhase() == GenerationPhase.Failed);
            assertThat(refused.getStatus().condition("Succeeded").orElseThrow().getReason()).isEqualTo("CannotCanary");
            assertThat(stage(refused, StageName.Migrate).getMessage()).contains("change type of properties.square_meters")
                    .contains("spec.rollout.strategy direct").contains("nothing was migrated");
            assertThat(historyOf(schema)).containsExactly("1", "2", "2.1");
            assertThat(apps(app).get().getStatus().getDeployedGeneration()).isEqualTo("pest-control-2");
        }
    }

    @Test
    void afterARolledBackCanaryTheNextPlanStartsFromTheSchemaItLeft() throws Exception {
        String ns = readyTenant("leftover");
        try (SimulatedControllers cluster = new SimulatedControllers(client).run(ns)) {
            AppSpec app = deployedCanaryApp(ns);
            String schema = schemaOf(ns, "pest-control-1");

            editApp(app, a -> addCustomerField(withoutCustomerField(a, "phone"), "loyaltyCode"));
            awaitGeneration(ns, "pest-control-2", g -> g.getStatus() != null && g.getStatus().getPhase() == GenerationPhase.AwaitingApproval);
            approve(ns, "pest-control-2");
            await().atMost(WAIT).until(() -> canaryStep(ns, "pest-control-2") == 0);
            Generation canaried = generations(ns).withName("pest-control-2").get();
            assertThat(canaried.getStatus().getMigrationPlan().getExpandOnly()).isTrue();
            assertThat(columnsOf(schema, "customers")).contains("phone", "loyalty_code");
            act(ns, "pest-control-2", "abort");
            Generation rolledBack = awaitGeneration(ns, "pest-control-2", g -> g.getStatus().getPhase() == GenerationPhase.Failed);
            assertThat(rolledBack.getStatus().condition("Succeeded").orElseThrow().getReason()).isEqualTo("CanaryRolledBack");
            assertThat(columnsOf(schema, "customers")).as("what the canary's users wrote stays").contains("loyalty_code");

            // the same change again, plus one more field: without the lineage this plan adds loyalty_code a second time
            editApp(app, a -> addCustomerField(a, "nickname"));
            Generation next = awaitGeneration(ns, "pest-control-3", g -> g.getStatus() != null && g.getStatus().getPhase() == GenerationPhase.AwaitingApproval);
            MigrationPlan plan = next.getStatus().getMigrationPlan();
            assertThat(plan.getFrom()).isEqualTo("pest-control-1");
            assertThat(plan.getUnservedMigrations()).containsExactly("pest-control-2");
            assertThat(plan.getAlreadyApplied()).containsExactly("add column customers.loyalty_code");
            assertThat(plan.getSteps()).extracting(MigrationStep::getDescription)
                    .contains("add column customers.nickname", "drop column customers.phone (its values are lost)")
                    .doesNotContain("add column customers.loyalty_code");
            approve(ns, "pest-control-3");
            promoteThroughEveryStep(ns, "pest-control-3");
            Generation promoted = awaitGeneration(ns, "pest-control-3", succeeded());
            assertThat(stage(promoted, StageName.Migrate).getMessage()).contains("1 step(s) already in the schema from [pest-control-2]");
            assertThat(columnsOf(schema, "customers")).contains("loyalty_code", "nickname").doesNotContain("phone");
            assertThat(historyOf(schema)).containsExactly("1", "2", "3", "3.1");
        }
    }

    @Test
    void aColumnOnlyARolledBackCanaryAddedIsStillKnownAfterALaterGenerationServesSoAddingItAgainSkipsTheStep() throws Exception {
        String ns = readyTenant("leftover-later");
        try (SimulatedControllers cluster = new SimulatedControllers(client).run(ns)) {
            AppSpec app = deployedCanaryApp(ns);
            String schema = schemaOf(ns, "pest-control-1");

            editApp(app, a -> addCustomerField(a, "loyaltyCode"));
            approveWhenAsked(ns, "pest-control-2");
            await().atMost(WAIT).until(() -> canaryStep(ns, "pest-control-2") == 0);
            act(ns, "pest-control-2", "abort");
            awaitGeneration(ns, "pest-control-2", g -> g.getStatus().getPhase() == GenerationPhase.Failed);
            assertThat(columnsOf(schema, "customers")).contains("loyalty_code");

            // a Generation without the column serves: its plan cannot drop what users may have written, so it says what stays
            editApp(app, a -> addCustomerField(withoutCustomerField(a, "loyaltyCode"), "nickname"));
            approveWhenAsked(ns, "pest-control-3");
            promoteThroughEveryStep(ns, "pest-control-3");
            Generation served = awaitGeneration(ns, "pest-control-3", succeeded());
            assertThat(served.getStatus().getMigrationPlan().leftoverSql())
                    .as("plan %s; stages of pest-control-2 %s", io.fabric8.kubernetes.client.utils.Serialization.asJson(served.getStatus().getMigrationPlan()),
                            io.fabric8.kubernetes.client.utils.Serialization.asJson(generations(ns).withName("pest-control-2").get().getStatus().getStages()))
                    .singleElement().asString().contains("loyalty_code");

            // the column again: planned from pest-control-3, which never had it, yet known to be there
            editApp(app, a -> addCustomerField(a, "loyaltyCode"));
            Generation again = awaitGeneration(ns, "pest-control-4", g -> g.getStatus() != null && g.getStatus().getMigrationPlan() != null);
            MigrationPlan plan = again.getStatus().getMigrationPlan();
            assertThat(plan.getFrom()).isEqualTo("pest-control-3");
            assertThat(plan.getAlreadyApplied()).containsExactly("add column customers.loyalty_code");
            assertThat(plan.getSteps()).extracting(MigrationStep::getDescription).doesNotContain("add column customers.loyalty_code");
            assertThat(plan.leftoverSql()).isEmpty();
            approveWhenAsked(ns, "pest-control-4");
            promoteThroughEveryStep(ns, "pest-control-4");
            awaitGeneration(ns, "pest-control-4", succeeded());
            assertThat(columnsOf(schema, "customers")).contains("loyalty_code", "nickname");
        }
    }

    /** Approves the Generation if its policy waits for a person (a destructive plan); an additive one goes on by itself. */
    private void approveWhenAsked(String ns, String generation) {
        Generation g = awaitGeneration(ns, generation, x -> x.getStatus() != null && x.getStatus().getMigrationPlan() != null);
        if (g.getStatus().getPhase() == GenerationPhase.AwaitingApproval || g.getStatus().getMigrationPlan().isDestructive()) {
            approve(ns, generation);
        }
    }

    private void promoteThroughEveryStep(String ns, String canary) {
        for (int step = 0; step < 3; step++) {
            int at = step;
            await().atMost(WAIT).until(() -> canaryStep(ns, canary) == at);
            act(ns, canary, "promote");
        }
    }

    /** The pest-control example with {@code rollout.strategy: canary}, its first Generation deployed. */
    private AppSpec deployedCanaryApp(String ns) throws IOException {
        AppSpec spec = pestControl(ns);
        spec.getSpec().getRollout().setStrategy(RolloutStrategy.canary);
        AppSpec app = client.resource(spec).create();
        awaitGeneration(ns, "pest-control-1", succeeded());
        return app;
    }

    private String schemaOf(String ns, String generation) {
        return generations(ns).withName(generation).get().getStatus().getMigrationPlan().getSchema();
    }

    private static AppSpec withoutCustomerField(AppSpec app, String name) {
        app.getSpec().getEntities().get(0).getFields().removeIf(f -> f.getName().equals(name));
        return app;
    }

    private void approve(String ns, String generation) {
        OnConflict.retry(() -> generations(ns).withName(generation).edit(g -> {
            Map<String, String> annotations = g.getMetadata().getAnnotations() == null ? new java.util.HashMap<>() : g.getMetadata().getAnnotations();
            annotations.put(Generation.APPROVE_ANNOTATION, "alice");
            g.getMetadata().setAnnotations(annotations);
            return g;
        }));
    }

    private static List<String> historyOf(String schema) throws SQLException {
        return strings("SELECT version FROM \"" + schema + "\".veroforge_schema_history WHERE success ORDER BY installed_rank");
    }

    private int canaryStep(String ns, String name) {
        Canary c = client.resources(Canary.class).inNamespace(ns).withName(name).get();
        return c == null || c.getStatus() == null || c.getStatus().getPhase() != io.veroforge.api.v1alpha1.CanaryPhase.Progressing
                ? -1 : c.getStatus().getCurrentStep();
    }

    private void act(String ns, String canary, String action) {
        OnConflict.retry(() -> client.resources(Canary.class).inNamespace(ns).withName(canary).edit(c -> {
            c.getMetadata().getAnnotations().put("veroforge.io/canary-action", action);
            c.getMetadata().getAnnotations().put("veroforge.io/canary-actor", "alice");
            return c;
        }));
    }

    @Test
    void gitopsDeliveryPointsAnArgoCdApplicationAtTheCommitAndWaitsForItsSync() throws Exception {
        String ns = readyTenant("gitops");
        try (SimulatedControllers cluster = new SimulatedControllers(client).run(ns)) {
            AppSpec input = pestControl(ns);
            input.getSpec().getDelivery().setMode(DeliveryMode.gitops);
            client.resource(input).create();

            String applicationName = ns + ".pest-control";
            Resource<GenericKubernetesResource> application = client.genericKubernetesResources(GitOpsDeploy.APPLICATION)
                    .inNamespace("argocd").withName(applicationName);
            GenericKubernetesResource created = await().atMost(WAIT).until(application::get, a -> a != null);
            Map<String, Object> source = nested(created.getAdditionalProperties(), "spec", "source");
            Generation deploying = generations(ns).withName("pest-control-1").get();
            assertThat(source).containsEntry("repoURL", platformGit.cloneUrl(ns, "pest-control"))
                    .containsEntry("targetRevision", deploying.getStatus().getCommit().getSha()).containsEntry("path", "deploy/k8s");
            assertThat(nested(created.getAdditionalProperties(), "spec", "destination")).containsEntry("namespace", ns);
            assertThat(stage(deploying, StageName.Verify).getState()).isIn(StageState.Running, StageState.Pending);
            // ArgoCD clones the platform-kept repository with the app's credentials, from a repository Secret in its namespace.
            Secret repository = client.secrets().inNamespace("argocd").withName("repo-" + applicationName).get();
            AppGitCredentials credentials = AppGitCredentials.read(client, ns, "pest-control").orElseThrow();
            assertThat(repository.getMetadata().getLabels()).containsEntry("argocd.argoproj.io/secret-type", "repository");
            assertThat(decode(repository, "url")).isEqualTo(platformGit.cloneUrl(ns, "pest-control"));
            assertThat(decode(repository, "username")).isEqualTo(credentials.username());
            assertThat(decode(repository, "password")).isEqualTo(credentials.password());

            // What ArgoCD would report once it synced the commit.
            application.edit(a -> {
                a.getAdditionalProperties().put("status", Map.of(
                        "sync", Map.of("status", "Synced", "revision", deploying.getStatus().getCommit().getSha()),
                        "health", Map.of("status", "Healthy")));
                return a;
            });
            Generation done = awaitGeneration(ns, "pest-control-1", succeeded());
            assertThat(done.getStatus().getDeployment().getMode()).isEqualTo(DeliveryMode.gitops);
            assertThat(done.getStatus().getDeployment().getResult()).isEqualTo("Synced");
            assertThat(client.apps().deployments().inNamespace(ns).list().getItems()).as("ArgoCD applies, not the operator").isEmpty();

            // Deleting the app deletes its Application (no owner reference reaches ArgoCD's namespace);
            // ArgoCD's own finalizer then goes once it removed what it synced, which the test does in its place.
            client.resources(AppSpec.class).inNamespace(ns).withName("pest-control").delete();
            await().atMost(WAIT).until(() -> application.get() == null || application.get().getMetadata().getDeletionTimestamp() != null);
            if (application.get() != null) {
                application.edit(a -> {
                    a.getMetadata().setFinalizers(new ArrayList<>());
                    return a;
                });
            }
            await().atMost(WAIT).until(() -> application.get() == null);
            await().atMost(WAIT).until(() -> client.resources(AppSpec.class).inNamespace(ns).withName("pest-control").get() == null);
            assertThat(client.secrets().inNamespace("argocd").withName("repo-" + applicationName).get()).isNull();
        }
    }

    // --- fixtures -------------------------------------------------------------------------------

    private String readyTenant(String suffix) {
        String name = TestPostgres.tenantName(suffix);
        Tenant tenant = tenant(name);
        client.resource(tenant).create();
        await().atMost(WAIT).until(() -> client.resources(Tenant.class).withName(name).get(),
                t -> t.getStatus() != null && t.getStatus().isTrue("Ready"));
        return tenant.namespaceName();
    }

    private static Tenant tenant(String name) {
        Tenant tenant = new Tenant();
        tenant.setMetadata(new ObjectMetaBuilder().withName(name).build());
        TenantSpec spec = new TenantSpec();
        spec.setTier(Tier.basic);
        spec.setDisplayName("Generation test " + name);
        spec.setOwners(new ArrayList<>(List.of(new TenantOwner(TenantOwner.OwnerKind.User, "alice@example.com", null))));
        tenant.setSpec(spec);
        return tenant;
    }

    private static String tenantOf(String namespace) {
        return namespace.substring("tenant-".length());
    }

    private AppSpec pestControl(String namespace) throws IOException {
        try (InputStream in = Files.newInputStream(EXAMPLES.resolve("appspec-pest-control.yaml"))) {
            AppSpec app = Serialization.unmarshal(in, AppSpec.class);
            app.getMetadata().setNamespace(namespace);
            // The example ships to a remote on git.example.com through ArgoCD and a Canary; these tests
            // start from the defaults (platform-kept repository, direct apply) and set what they test.
            app.getSpec().setDelivery(new DeliverySpec());
            app.getSpec().setRollout(new RolloutSpec());
            return app;
        }
    }

    private AppSpec withRemote(AppSpec app, String url) {
        if (client.secrets().inNamespace(app.getMetadata().getNamespace()).withName("git-token").get() == null) {
            client.resource(new SecretBuilder().withNewMetadata().withName("git-token").withNamespace(app.getMetadata().getNamespace()).endMetadata()
                    .addToStringData("username", CustomerGitHost.USER).addToStringData("password", CustomerGitHost.TOKEN).build()).create();
        }
        GitRepositorySpec git = new GitRepositorySpec();
        git.setUrl(url);
        git.setSecretRef("git-token");
        app.getSpec().getDelivery().setGit(git);
        return app;
    }

    private AppSpec addCustomerField(AppSpec app, String name) {
        FieldSpec field = new FieldSpec();
        field.setName(name);
        field.setType(FieldType.TEXT);
        EntitySpec customer = app.getSpec().getEntities().get(0);
        if (customer.getFields().stream().noneMatch(f -> f.getName().equals(name))) {
            customer.getFields().add(field);
        }
        return app;
    }

    private AppSpec widenCustomerName(AppSpec app) {
        app.getSpec().getEntities().get(0).getFields().stream().filter(f -> f.getName().equals("name")).forEach(f -> f.setMaxLength(250));
        return app;
    }

    /** The files the operator generates for this AppSpec (the generator is deterministic). */
    private static SortedMap<String, String> generate(AppSpec app) {
        return new GenerationPipeline().generate(app.getMetadata().getName(), app.getMetadata().getNamespace(),
                BINDER.convertValue(app.getSpec(), AppSpecInput.class)).repository().files();
    }

    private Resource<AppSpec> apps(AppSpec app) {
        return client.resources(AppSpec.class).inNamespace(app.getMetadata().getNamespace()).withName(app.getMetadata().getName());
    }

    private io.fabric8.kubernetes.client.dsl.NonNamespaceOperation<Generation, io.fabric8.kubernetes.api.model.KubernetesResourceList<Generation>, Resource<Generation>> generations(String ns) {
        return client.resources(Generation.class).inNamespace(ns);
    }

    private Generation awaitGeneration(String ns, String name, Predicate<Generation> condition) {
        try {
            return await().atMost(WAIT).until(() -> generations(ns).withName(name).get(), g -> g != null && condition.test(g));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            Generation g = generations(ns).withName(name).get();
            throw new AssertionError(name + " never got there; its status is:\n" + (g == null ? "(no such Generation)" : Serialization.asYaml(g.getStatus())), e);
        }
    }

    private void editApp(AppSpec app, java.util.function.UnaryOperator<AppSpec> change) {
        OnConflict.retry(() -> apps(app).edit(change));
    }

    private static Predicate<Generation> succeeded() {
        return g -> g.getStatus() != null && g.getStatus().isTrue("Succeeded");
    }

    private static StageStatus stage(Generation g, StageName name) {
        return g.getStatus().getStages().stream().filter(s -> s.getName() == name).findFirst().orElseThrow();
    }

    /** The status as if the operator had died before recording {@code from} and everything after it. */
    private static Generation forgetFrom(Generation g, StageName from) {
        GenerationStatus status = g.getStatus();
        for (StageStatus s : status.getStages()) {
            if (s.getName().ordinal() >= from.ordinal()) {
                s.setState(s.getName() == from ? StageState.Running : StageState.Pending);
                s.setFinishedAt(null);
                s.setMessage(null);
            }
        }
        status.setPhase(GenerationPhase.Running);
        status.setStage(from);
        status.setConditions(new ArrayList<>());
        if (from.ordinal() <= StageName.AwaitApproval.ordinal()) {
            status.setApproval(null);
            status.setMigrationPlan(null);
        }
        return g;
    }

    private List<Event> eventsOf(String ns, String name) {
        return client.v1().events().inNamespace(ns).list().getItems().stream()
                .filter(e -> name.equals(e.getInvolvedObject().getName())).toList();
    }

    private static String decode(Secret secret, String key) {
        return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> nested(Map<String, Object> map, String... path) {
        Map<String, Object> at = map;
        for (String key : path) {
            at = (Map<String, Object>) at.get(key);
        }
        return at;
    }

    // --- the customer's Git host ----------------------------------------------------------------

    private static void customerCommit(String url, Map<String, String> files) throws Exception {
        customerCommit(url, "main", files);
    }

    private static void customerCommit(String url, String branch, Map<String, String> files) throws Exception {
        Path work = Files.createTempDirectory("customer");
        UsernamePasswordCredentialsProvider login = new UsernamePasswordCredentialsProvider(CustomerGitHost.USER, CustomerGitHost.TOKEN);
        try (Git git = Git.cloneRepository().setURI(url).setBranch(branch).setDirectory(work.toFile()).setCredentialsProvider(login).call()) {
            for (var e : files.entrySet()) {
                Path file = work.resolve(e.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
            }
            git.add().addFilepattern(".").call();
            git.commit().setMessage("customer edits").setAuthor("Dev", "dev@customer.example").setCommitter("Dev", "dev@customer.example").call();
            git.push().setCredentialsProvider(login).call();
        }
    }

    /** {@code git push origin <from>:<to>}: the developer merges the resolved conflicts branch (a descendant of main). */
    private static void fastForward(String url, String to, String from) throws Exception {
        Path work = Files.createTempDirectory("customer");
        UsernamePasswordCredentialsProvider login = new UsernamePasswordCredentialsProvider(CustomerGitHost.USER, CustomerGitHost.TOKEN);
        try (Git git = Git.cloneRepository().setURI(url).setBranch(from).setDirectory(work.toFile()).setCredentialsProvider(login).call()) {
            git.push().setCredentialsProvider(login).setRefSpecs(new org.eclipse.jgit.transport.RefSpec("refs/heads/" + from + ":refs/heads/" + to)).call();
        }
    }

    private static String repoName(String url) {
        String path = url.substring(url.lastIndexOf('/') + 1);
        return path.substring(0, path.length() - ".git".length());
    }

    private static String head(String url, String branch) throws IOException {
        try (Repository repository = customerGit.open(repoName(url))) {
            Ref ref = repository.exactRef(Constants.R_HEADS + branch);
            return ref == null ? null : ref.getObjectId().name();
        }
    }

    private static SortedMap<String, String> filesOn(String url, String branch) throws Exception {
        try (Repository repository = customerGit.open(repoName(url));
             io.veroforge.generator.git.AppRepository reader = io.veroforge.generator.git.AppRepository.local(repository.getDirectory().toPath())) {
            return reader.read(Constants.R_HEADS + branch, "");
        }
    }

    private static List<String> lines(String text) {
        return List.of(text.split("\n", -1));
    }

    private static int firstDifference(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).equals(b.get(i))) {
                return i;
            }
        }
        throw new IllegalArgumentException("no difference");
    }

    // --- the tenant's database ------------------------------------------------------------------

    private static Connection admin() throws SQLException {
        return adminTo(TestPostgres.database);
    }

    private static Connection adminTo(String database) throws SQLException {
        return DriverManager.getConnection(TestPostgres.ADMIN_URL.replaceAll("/[^/?]*(\\?|$)", "/" + database + "$1"), "postgres", "");
    }

    private static List<String> tablesOf(String schema) throws SQLException {
        return strings("SELECT table_name FROM information_schema.tables WHERE table_schema = '" + schema + "' AND table_type = 'BASE TABLE'"
                + " AND table_name <> 'veroforge_schema_history' ORDER BY 1");
    }

    private static List<String> columnsOf(String schema, String table) throws SQLException {
        return strings("SELECT column_name FROM information_schema.columns WHERE table_schema = '" + schema + "' AND table_name = '" + table + "'");
    }

    private static boolean forcedRowLevelSecurity(String schema, String table) throws SQLException {
        return !strings("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '" + schema
                + "' AND c.relname = '" + table + "' AND c.relrowsecurity AND c.relforcerowsecurity").isEmpty();
    }

    private static List<Integer> appliedVersions(String schema) throws SQLException {
        return strings("SELECT version FROM \"" + schema + "\".veroforge_schema_history WHERE success ORDER BY installed_rank").stream()
                .map(Integer::parseInt).toList();
    }

    private static void insertCustomer(String ns, String schema, String name) throws SQLException {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("SELECT set_config('veroforge.tenant_id', '" + tenantOf(ns) + "', true)");
            s.execute("INSERT INTO \"" + schema + "\".customers (name, email, consent_given) VALUES ('" + name + "', '" + name.toLowerCase() + "@example.com', true)"); // GDPR: consent is required
            c.commit();
        }
    }

    private static List<String> customerNames(String ns, String schema) throws SQLException {
        return strings("SELECT name FROM \"" + schema + "\".customers ORDER BY 1");
    }

    private static List<String> strings(String sql) throws SQLException {
        try (Connection c = admin(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }
}
