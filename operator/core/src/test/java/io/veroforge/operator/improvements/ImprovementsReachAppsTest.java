package io.veroforge.operator.improvements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.stream.StreamSupport;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.veroforge.api.v1alpha1.AppSpec;
import io.veroforge.api.v1alpha1.Generation;
import io.veroforge.generator.git.AppRepository;
import io.veroforge.generator.ontology.Ontology;
import io.veroforge.generator.overlay.OverlayReader;
import io.veroforge.generator.synthesize.Pack;
import io.veroforge.localapi.SimulatedControllers;
import io.veroforge.operator.config.GeneratorParts;
import io.veroforge.operator.testing.CloudNativePgDiscovery;
import io.veroforge.operator.testing.CustomerGitHost;
import io.veroforge.operator.testing.PipelineWaits;
import io.veroforge.operator.testing.TestPostgres;

/**
 * The last step of the improvement loop with real parts: improvement messages on a real broker are
 * committed to the overlay repository, and an app that already runs gets a new Generation with the
 * new pack revision through the normal pipeline (real PostgreSQL, real Git, the customer's remote),
 * its sparse entity with the new field, its explicit entity untouched, its customer's edits kept.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true, setup = CloudNativePgDiscovery.class)
@QuarkusTestResource(TestPostgres.class)
@QuarkusTestResource(value = ImprovementsBroker.class, restrictToAnnotatedClass = true)
class ImprovementsReachAppsTest {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EDITED = "api/src/health.controller.ts";

    @TempDir
    static Path hostRoot;
    static CustomerGitHost customerGit;

    @Inject
    KubernetesClient client;
    @Inject
    GeneratorParts generator;
    @Inject
    MeterRegistry metrics;

    @BeforeAll
    static void startCustomerGitHost() throws Exception {
        customerGit = new CustomerGitHost(hostRoot.resolve("host"));
    }

    @AfterAll
    static void stopCustomerGitHost() throws Exception {
        if (customerGit != null) {
            customerGit.close();
        }
    }

    @Test
    void anApprovedImprovementBecomesOneOverlayCommitAndANewGenerationOfEveryApp() throws Exception {
        String ns = waits().readyTenant("improve", "Improvements test");
        String repo = customerGit.create(ns + "-billing");
        try (SimulatedControllers cluster = new SimulatedControllers(client).run(ns)) {
            client.resource(billing(ns, repo)).create();
            Generation first = waits().awaitGeneration(ns, "billing-1", PipelineWaits.succeeded());
            assertThat(first.getSpec().getTemplatePack().getRevision()).isEqualTo(Pack.nestjsPrismaReact().revision());
            assertThat(fieldsOf(first, "Invoice")).doesNotContain("extraDate");

            SortedMap<String, String> v1 = filesOn(repo, "main");
            customerCommit(repo, Map.of(EDITED, v1.get(EDITED) + "\n// customer: keep this\n", "docs/CUSTOM.md", "# ours\n"));

            String invoiceDate = improvement(41, "ontology_optional_field", "{\"target\":\"ontology\",\"ontologyType\":\"Invoice\","
                    + "\"addField\":{\"type\":\"date\",\"required\":false}}");
            publish(List.of(invoiceDate,
                    improvement(42, "ontology_optional_field", "{\"target\":\"ontology\",\"ontologyType\":\"Customer\","
                            + "\"addField\":{\"type\":\"text\",\"required\":false}}"),
                    improvement(43, "template_review", "{\"target\":\"template\",\"edit\":\"changed_template_file\",\"file\":\"README.md\"}"),
                    "not json at all",
                    invoiceDate));

            await().atMost(WAIT).until(() -> overlayCommits().size() == 2);
            assertThat(overlayCommits()).anyMatch(m -> m.contains("Proposal-Id: 41") && m.contains("Evidence: 12 tenants, 30 events"))
                    .anyMatch(m -> m.contains("Proposal-Id: 42")).noneMatch(m -> m.contains("Proposal-Id: 43"));

            // each overlay commit is a pack revision (the consumer may read the two in one poll or in two): the app's latest
            // Generation records the revision of the whole overlay
            String improved = new OverlayReader(Ontology.standard()).read(ImprovementsBroker.overlay).applyTo(Pack.nestjsPrismaReact()).revision();
            await().atMost(WAIT).until(() -> generator.pack().revision().equals(improved));
            String latest = await().atMost(WAIT).until(() -> client.resources(AppSpec.class).inNamespace(ns).withName("billing").get().getStatus()
                    .getLatestGeneration(), name -> name != null && !name.equals("billing-1") && client.resources(Generation.class)
                    .inNamespace(ns).withName(name).get().getSpec().getTemplatePack().getRevision().equals(improved));
            Generation second = waits().awaitGeneration(ns, latest, PipelineWaits.succeeded());
            assertThat(improved).isNotEqualTo(first.getSpec().getTemplatePack().getRevision());
            // the sparse entity takes the ontology's defaults, now with the new field; the declared one stays as declared
            assertThat(fieldsOf(second, "Invoice")).contains("extraDate");
            assertThat(fieldsOf(second, "Customer")).isEqualTo(fieldsOf(first, "Customer")).doesNotContain("extraText");
            assertThat(second.getStatus().getMigrationPlan().getSteps()).extracting(s -> s.getDescription()).anyMatch(d -> d.contains("extra_date"));

            SortedMap<String, String> main = filesOn(repo, "main");
            assertThat(main.get("api/prisma/schema.prisma")).contains("extraDate");
            assertThat(main.get(EDITED)).contains("// customer: keep this").contains(second.getSpec().getTemplatePack().getRevision());
            assertThat(main.get("docs/CUSTOM.md")).isEqualTo("# ours\n");

            // the replayed message and the skipped ones changed nothing more
            int generations = client.resources(Generation.class).inNamespace(ns).list().getItems().size();
            await().during(Duration.ofSeconds(3)).atMost(WAIT).until(() -> client.resources(Generation.class).inNamespace(ns).list().getItems().size() == generations
                    && latest.equals(client.resources(AppSpec.class).inNamespace(ns).withName("billing").get().getStatus().getLatestGeneration()));
            assertThat(overlayCommits()).hasSize(2);
            assertThat(metrics.get("veroforge_improvements_applied_total").counter().count()).isEqualTo(2);
            assertThat(metrics.get("veroforge_improvements_skipped_total").counter().count()).isEqualTo(2);
        }
    }

    // --- fixtures -------------------------------------------------------------------------------

    private static String improvement(long proposal, String kind, String change) throws Exception {
        Map<String, Object> message = new java.util.LinkedHashMap<>();
        message.put("proposalId", proposal);
        message.put("patternId", proposal + 100);
        message.put("kind", kind);
        message.put("summary", "test improvement " + proposal);
        message.put("change", change);
        message.put("risk", "low");
        message.put("evidence", Map.of("tenants", 12, "events", 30, "confidence", 0.76));
        message.put("checks", "passed");
        message.put("approvedBy", "governance");
        message.put("approvedAt", "2026-12-03T12:00:00Z");
        return JSON.writeValueAsString(message);
    }

    private static void publish(List<String> messages) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ImprovementsBroker.kafka.bootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (String m : messages) {
                producer.send(new ProducerRecord<>(ImprovementConsumer.TOPIC, "improvements", m)).get();
            }
        }
    }

    private static List<String> overlayCommits() throws Exception {
        if (!Files.isDirectory(ImprovementsBroker.overlay.resolve(".git"))) {
            return List.of();
        }
        try (Git git = Git.open(ImprovementsBroker.overlay.toFile())) {
            if (git.getRepository().resolve(Constants.HEAD) == null) {
                return List.of();
            }
            return StreamSupport.stream(git.log().call().spliterator(), false).map(c -> c.getFullMessage()).toList();
        }
    }

    private static List<String> fieldsOf(Generation g, String entity) {
        List<String> names = new ArrayList<>();
        for (JsonNode e : g.getSpec().resolvedModel().path("entities")) {
            if (entity.equals(e.path("name").asText())) {
                e.path("fields").forEach(f -> names.add(f.path("name").asText()));
            }
        }
        return names;
    }

    private AppSpec billing(String ns, String repoUrl) {
        client.resource(new SecretBuilder().withNewMetadata().withName("git-token").withNamespace(ns).endMetadata()
                .addToStringData("username", CustomerGitHost.USER).addToStringData("password", CustomerGitHost.TOKEN).build()).create();
        return Serialization.unmarshal("""
                apiVersion: veroforge.io/v1alpha1
                kind: AppSpec
                metadata: {name: billing, namespace: %s}
                spec:
                  templatePack: {name: nestjs-prisma-react}
                  delivery: {git: {url: "%s", secretRef: git-token}}
                  entities:
                    - name: Invoice
                    - name: Customer
                      fields:
                        - {name: name, type: string, required: true, maxLength: 200}
                """.formatted(ns, repoUrl), AppSpec.class);
    }

    private PipelineWaits waits() {
        return new PipelineWaits(client, WAIT);
    }

    private static void customerCommit(String url, Map<String, String> files) throws Exception {
        Path work = Files.createTempDirectory("customer");
        UsernamePasswordCredentialsProvider login = new UsernamePasswordCredentialsProvider(CustomerGitHost.USER, CustomerGitHost.TOKEN);
        try (Git git = Git.cloneRepository().setURI(url).setBranch("main").setDirectory(work.toFile()).setCredentialsProvider(login).call()) {
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

    private static SortedMap<String, String> filesOn(String url, String branch) throws Exception {
        String name = url.substring(url.lastIndexOf('/') + 1, url.length() - ".git".length());
        try (Repository repository = customerGit.open(name); AppRepository reader = AppRepository.local(repository.getDirectory().toPath())) {
            return reader.read(Constants.R_HEADS + branch, "");
        }
    }
}
