package io.veroforge.operator.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.veroforge.api.v1alpha1.AppSpec;
import io.veroforge.api.v1alpha1.AppSpecStatus;
import io.veroforge.api.v1alpha1.EntitySpec;
import io.veroforge.api.v1alpha1.Generation;
import io.veroforge.api.v1alpha1.GenerationPhase;
import io.veroforge.api.v1alpha1.GenerationStatus;
import io.veroforge.api.v1alpha1.RelationKind;
import io.veroforge.api.v1alpha1.RelationSpec;
import io.veroforge.generator.synthesize.Pack;
import io.veroforge.operator.testing.CloudNativePgDiscovery;
import io.veroforge.operator.testing.OnConflict;
import io.veroforge.operator.testing.TestPostgres;

/**
 * AppSpecs from {@code crds/examples/} applied to the (CRUD mock) API server are reconciled by the
 * real operator with the real generator. The mock validates nothing, so an invalid spec reaches
 * the operator as it would if CRD validation could not see the problem (a relation target).
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true, setup = CloudNativePgDiscovery.class)
@QuarkusTestResource(TestPostgres.class)
class AppSpecReconcilerTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Path EXAMPLES = Path.of(System.getProperty("vf.repo.root", "../..")).resolve("crds/examples");

    @Inject
    KubernetesClient client;

    @Test
    void validAppSpecIsRecordedInItsFirstGeneration() throws IOException {
        AppSpec app = client.resource(example("appspec-pest-control.yaml", newNamespace())).create();

        AppSpecStatus status = awaitStatus(app, s -> "pest-control-1".equals(s.getLatestGeneration()) && s.isTrue("Ready")).getStatus();
        Generation generation = client.resources(Generation.class).inNamespace(ns(app)).withName("pest-control-1").get();
        assertThat(generation.getMetadata().getLabels()).containsEntry(Generation.APPSPEC_LABEL, "pest-control");
        OwnerReference owner = generation.getMetadata().getOwnerReferences().get(0);
        assertThat(owner.getKind()).isEqualTo("AppSpec");
        assertThat(owner.getUid()).isEqualTo(app.getMetadata().getUid());
        assertThat(owner.getController()).isTrue();
        assertThat(generation.getSpec().getContentHash()).matches("sha256:[a-f0-9]{64}");
        assertThat(generation.getSpec().getTemplatePack().getRevision()).isEqualTo(Pack.nestjsPrismaReact().revision());
        assertThat(generation.getSpec().getAppSpec().getName()).isEqualTo("pest-control");
        assertThat(generation.getSpec().getAppSpec().getGeneration()).isEqualTo(app.getMetadata().getGeneration());
        assertThat(generation.getSpec().resolvedModel().get("name").asText()).isEqualTo("pest-control");
        // Kept compressed: the model grows with the app, the object must stay far below etcd's limit.
        assertThat(generation.getSpec().getModel()).isNull();
        assertThat(generation.getSpec().getCompressedModel().length()).isLessThan(Serialization.asJson(generation.getSpec().resolvedModel()).length() / 4);
        assertThat(generation.getSpec().getEntities()).isEqualTo(generation.getSpec().resolvedModel().get("entities").size());

        // The summary describes the snapshot: declared entities plus what the ontology added.
        int entitiesInSnapshot = generation.getSpec().resolvedModel().get("entities").size();
        assertThat(entitiesInSnapshot).isGreaterThanOrEqualTo(app.getSpec().getEntities().size());
        assertThat(status.getResolved().getEntities()).isEqualTo(entitiesInSnapshot);
        assertThat(status.getResolved().getInferredEntities()).isEqualTo(entitiesInSnapshot - app.getSpec().getEntities().size());
        assertThat(status.getResolved().getEndpoints()).isGreaterThan(5 * entitiesInSnapshot);
        assertThat(status.getResolved().getViews()).isEqualTo(1 + 4 * entitiesInSnapshot);
        assertThat(status.getResolved().getCompliance()).contains("gdpr"); // customers' e-mail and phone are PII
        assertThat(status.getConditions()).allSatisfy(c -> assertThat(c.getObservedGeneration()).isEqualTo(app.getMetadata().getGeneration()));
    }

    @Test
    void reconcilingUnchangedContentCreatesNoSecondGeneration() throws IOException {
        AppSpec app = client.resource(example("appspec-gym-sparse.yaml", newNamespace())).create();
        awaitStatus(app, s -> "gym-members-1".equals(s.getLatestGeneration()));
        String hash = generations(app).get(0).getSpec().getContentHash();

        // revisionHistoryLimit is the operator's, not the model's: a new spec, the same content.
        OnConflict.retry(() -> apps(app).edit(a -> {
            a.getSpec().setRevisionHistoryLimit(9);
            return a;
        }));
        long edited = apps(app).get().getMetadata().getGeneration();
        awaitStatus(app, s -> Long.valueOf(edited).equals(s.getObservedGeneration()));
        // An event on the Generation runs the reconciler again, too.
        OnConflict.retry(() -> client.resources(Generation.class).inNamespace(ns(app)).withName("gym-members-1")
                .edit(g -> {
                    g.getMetadata().setAnnotations(Map.of("example.com/touched", "yes"));
                    return g;
                }));

        await().during(Duration.ofSeconds(2)).atMost(WAIT).untilAsserted(() ->
                assertThat(generations(app)).extracting(g -> g.getMetadata().getName()).containsExactly("gym-members-1"));
        assertThat(generations(app).get(0).getSpec().getContentHash()).isEqualTo(hash);
        assertThat(apps(app).get().getStatus().getLatestGeneration()).isEqualTo("gym-members-1");
    }

    @Test
    void changingTheModelRecordsANewGeneration() throws IOException {
        AppSpec app = client.resource(example("appspec-gym-sparse.yaml", newNamespace())).create();
        awaitStatus(app, s -> "gym-members-1".equals(s.getLatestGeneration()));

        OnConflict.retry(() -> apps(app).edit(a -> {
            a.getSpec().getEntities().add(entity("Locker"));
            return a;
        }));

        AppSpec changed = awaitStatus(app, s -> "gym-members-2".equals(s.getLatestGeneration()));
        List<Generation> all = generations(app);
        assertThat(all).extracting(g -> g.getMetadata().getName()).containsExactly("gym-members-1", "gym-members-2");
        assertThat(all.get(1).getSpec().getContentHash()).isNotEqualTo(all.get(0).getSpec().getContentHash());
        assertThat(all.get(1).getSpec().getAppSpec().getGeneration()).isEqualTo(changed.getMetadata().getGeneration());
        assertThat(all.get(1).getSpec().resolvedModel().get("entities").toString()).contains("Locker");
    }

    /** The console's requirement chat: a draft is resolved by the offline analyzer and previewed, nothing is generated. */
    @Test
    void aDraftIsPreviewedInStatusWithProvenanceAndRecordsNoGeneration() {
        AppSpec app = client.resource(draft("pest-chat", newNamespace(), PEST_CONTROL_STORY)).create();

        AppSpecStatus status = awaitStatus(app, s -> s.getPreview() != null).getStatus();
        var ready = status.condition("Ready").orElseThrow();
        assertThat(ready.getStatus()).isEqualTo("False");
        assertThat(ready.getReason()).isEqualTo("Draft");
        assertThat(ready.getMessage()).contains("status.preview").contains("spec.draft");
        assertThat(status.isTrue("Resolved")).isTrue();
        var entities = status.previewModel().path("entities");
        assertThat(entities.size()).isEqualTo(status.getResolved().getEntities()).isPositive();
        // what the analyzer proposed says so, with its engine and the phrase it read
        assertThat(entities).filteredOn(e -> "REQUIREMENTS".equals(e.path("origin").path("kind").asText())).isNotEmpty()
                .allSatisfy(e -> assertThat(e.path("origin").path("detail").asText()).contains("embedding"));
        await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> generations(app).isEmpty());
        assertThat(apps(app).get().getStatus().getLatestGeneration()).isNull();
        assertThat(warnings(app)).extracting(Event::getReason).doesNotContain("Draft");
    }

    @Test
    void clearingTheDraftMarkRecordsExactlyOneGenerationAndDropsThePreview() {
        AppSpec app = client.resource(draft("pest-chat", newNamespace(), PEST_CONTROL_STORY)).create();
        String previewed = awaitStatus(app, s -> s.getPreview() != null).getStatus().getPreview();

        OnConflict.retry(() -> apps(app).edit(a -> {
            a.getSpec().setDraft(null);
            return a;
        }));

        AppSpecStatus status = awaitStatus(app, s -> "pest-chat-1".equals(s.getLatestGeneration())).getStatus();
        assertThat(status.getPreview()).isNull();
        assertThat(status.condition("Ready").orElseThrow().getReason()).isEqualTo("GenerationRecorded");
        await().during(Duration.ofSeconds(2)).atMost(WAIT).untilAsserted(() ->
                assertThat(generations(app)).extracting(g -> g.getMetadata().getName()).containsExactly("pest-chat-1"));
        // the Generation records the model the draft previewed
        assertThat(generations(app).get(0).getSpec().resolvedModel())
                .isEqualTo(io.veroforge.api.v1alpha1.CompressedJson.decode(previewed));
    }

    @Test
    void similarAppsAreTheNamespacesAppsOfTheSameTradeAndADeletedAppIsForgotten() {
        String namespace = newNamespace();
        AppSpec pests = client.resource(draft("pests", namespace, PEST_CONTROL_STORY)).create();
        awaitStatus(pests, s -> s.getPreview() != null);
        client.resource(draft("pests-elsewhere", newNamespace(), PEST_CONTROL_STORY)).create();
        AppSpec bugs = client.resource(draft("bugs", namespace, "We exterminate bed bugs and termites. Homeowners book an inspection;"
                + " each inspection has a technician, a date and the pesticide applied.")).create();
        AppSpec bakery = client.resource(draft("bakery", namespace, "A bakery sells bread and cakes. Customers order pastries for pick-up"
                + " and pay at the counter.")).create();

        assertThat(awaitStatus(bugs, s -> !s.getSimilarApps().isEmpty()).getStatus().getSimilarApps())
                .singleElement().satisfies(similar -> {
                    assertThat(similar.getName()).isEqualTo("pests");
                    assertThat(similar.getSimilarity()).isBetween(0.5, 1.0);
                });
        assertThat(awaitStatus(bakery, s -> s.getPreview() != null).getStatus().getSimilarApps()).isEmpty();

        // an app learns of the others on its own next reconcile (here: a spec change that leaves its fingerprint as it was)
        OnConflict.retry(() -> apps(pests).edit(a -> {
            a.getSpec().setRevisionHistoryLimit(5);
            return a;
        }));
        assertThat(awaitStatus(pests, s -> !s.getSimilarApps().isEmpty()).getStatus().getSimilarApps())
                .extracting(io.veroforge.api.v1alpha1.SimilarApp::getName).containsExactly("bugs");

        apps(bugs).delete();
        await().atMost(WAIT).until(() -> apps(bugs).get() == null);
        OnConflict.retry(() -> apps(pests).edit(a -> {
            a.getSpec().setRevisionHistoryLimit(6);
            return a;
        }));
        long edited = apps(pests).get().getMetadata().getGeneration();
        assertThat(awaitStatus(pests, s -> Long.valueOf(edited).equals(s.getObservedGeneration())).getStatus().getSimilarApps()).isEmpty();
    }

    @Test
    void invalidAppSpecIsReportedWithEveryProblemAndCreatesNoGeneration() throws IOException {
        AppSpec input = example("appspec-gym-sparse.yaml", newNamespace());
        RelationSpec broken = new RelationSpec();
        broken.setName("coach");
        broken.setKind(RelationKind.manyToOne);
        broken.setTarget("Coach");
        input.getSpec().getEntities().get(0).getRelations().add(broken);
        AppSpec app = client.resource(input).create();

        AppSpec reported = awaitStatus(app, s -> s.condition("Ready").map(c -> "False".equals(c.getStatus())).orElse(false));
        var ready = reported.getStatus().condition("Ready").orElseThrow();
        assertThat(ready.getReason()).isEqualTo("InvalidSpec");
        assertThat(ready.getMessage()).contains("entities[0].relations[0].target").contains("Coach");
        assertThat(reported.getStatus().getLatestGeneration()).isNull();
        await().atMost(WAIT).untilAsserted(() -> assertThat(warnings(app))
                .extracting(Event::getReason).containsExactly("InvalidSpec"));
        await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> generations(app).isEmpty());
    }

    @Test
    void aModelLargerThanTheLargestSupportedIsRefusedNamingTheCountAndTheLimit() throws IOException {
        AppSpec input = example("appspec-gym-sparse.yaml", newNamespace());
        for (int i = 0; i < 501; i++) {
            input.getSpec().getEntities().add(entity(String.format("Extra%03d", i)));
        }
        AppSpec app = client.resource(input).create();

        AppSpec reported = awaitStatus(app, s -> s.condition("Ready").map(c -> "False".equals(c.getStatus())).orElse(false));
        var ready = reported.getStatus().condition("Ready").orElseThrow();
        assertThat(ready.getReason()).isEqualTo("ModelTooLarge");
        assertThat(ready.getMessage()).containsPattern("has 5\\d\\d entities").contains("largest supported is 500");
        assertThat(reported.getStatus().getResolved().getEntities()).isGreaterThan(500);
        await().atMost(WAIT).untilAsserted(() -> assertThat(warnings(app)).extracting(Event::getReason).contains("ModelTooLarge"));
        assertThat(generations(app)).isEmpty();
    }

    @Test
    void unknownVerticalIsAcceptedWithAWarningNamingTheNearestKnownOne() throws IOException {
        AppSpec input = example("appspec-gym-sparse.yaml", newNamespace());
        input.getSpec().setVertical("fitnes");
        AppSpec app = client.resource(input).create();

        AppSpec reported = awaitStatus(app, s -> s.getLatestGeneration() != null);
        var resolved = reported.getStatus().condition("Resolved").orElseThrow();
        assertThat(resolved.getStatus()).isEqualTo("True");
        assertThat(resolved.getReason()).isEqualTo("ResolvedWithWarnings");
        // without the vertical, its sparse entities get no fields either: each one says so too
        assertThat(resolved.getMessage()).contains("5 warnings: vertical: unknown vertical \"fitnes\"");
        assertThat(reported.getStatus().getWarnings()).hasSize(5).first().asString()
                .startsWith("vertical: ").contains("did you mean \"fitness\"");
        await().atMost(WAIT).untilAsserted(() -> assertThat(warnings(app))
                .extracting(Event::getReason).containsExactly("ResolvedWithWarnings"));
    }

    @Test
    void aTenKilobyteValueIsShortenedButThePathAndTheFixAreKept() throws IOException {
        AppSpec input = example("appspec-gym-sparse.yaml", newNamespace());
        input.getSpec().getEntities().get(0).setName("Member" + "x".repeat(10_000));
        AppSpec app = client.resource(input).create();

        AppSpec reported = awaitStatus(app, s -> s.condition("Ready").map(c -> "False".equals(c.getStatus())).orElse(false));
        String message = reported.getStatus().condition("Ready").orElseThrow().getMessage();
        assertThat(message).startsWith("1 problem: entities[0].name: ").containsPattern("…\" \\(100\\d\\d characters\\)")
                .endsWith(" — use a shorter name").hasSizeLessThan(1000);
        assertThat(message).doesNotContain("… and");
    }

    @Test
    void appSpecWhoseNameIsNotADnsLabelIsReportedOnceAndCreatesNoGeneration() throws IOException {
        // the CRD refuses H35App; the mock API, like an older CRD, does not
        AppSpec input = example("appspec-gym-sparse.yaml", newNamespace());
        input.getMetadata().setName("H35App");
        AppSpec app = client.resource(input).create();

        AppSpec reported = awaitStatus(app, s -> s.condition("Ready").map(c -> "False".equals(c.getStatus())).orElse(false));
        var ready = reported.getStatus().condition("Ready").orElseThrow();
        assertThat(ready.getReason()).isEqualTo("InvalidSpec");
        assertThat(ready.getMessage()).contains("metadata.name").contains("\"H35App\"");
        await().during(Duration.ofSeconds(2)).atMost(WAIT).untilAsserted(() -> assertThat(warnings(app))
                .extracting(Event::getReason).containsExactly("InvalidSpec"));
        assertThat(generations(app)).isEmpty();
        assertThat(client.resources(Generation.class).inNamespace(ns(app)).list().getItems()).isEmpty();
    }

    @Test
    void historyKeepsTheNewestGenerationsAndTheDeployedOne() throws IOException {
        AppSpec app = example("appspec-gym-sparse.yaml", newNamespace());
        app.getSpec().setRevisionHistoryLimit(2);
        AppSpec created = client.resource(app).create();
        awaitStatus(created, s -> "gym-members-1".equals(s.getLatestGeneration()));
        // What the Generation reconciler records once gym-members-1 serves (this namespace has no
        // Tenant, so its real run waits at Migrate); the AppSpec derives its deployed Generation from it.
        await().atMost(WAIT).untilAsserted(() -> {
            OnConflict.retry(() -> markSucceeded(ns(created), "gym-members-1"));
            assertThat(apps(created).get().getStatus().getDeployedGeneration()).isEqualTo("gym-members-1");
        });

        for (String entity : List.of("Locker", "Towel", "Voucher")) {
            OnConflict.retry(() -> apps(created).edit(a -> {
                a.getSpec().getEntities().add(entity(entity));
                return a;
            }));
            long generation = apps(created).get().getMetadata().getGeneration();
            awaitStatus(created, s -> Long.valueOf(generation).equals(s.getObservedGeneration()));
        }

        await().atMost(WAIT).untilAsserted(() -> assertThat(generations(created)).extracting(g -> g.getMetadata().getName())
                .containsExactly("gym-members-1", "gym-members-3", "gym-members-4"));
        AppSpecStatus status = apps(created).get().getStatus();
        assertThat(status.getLatestGeneration()).isEqualTo("gym-members-4");
        assertThat(status.getDeployedGeneration()).isEqualTo("gym-members-1");
    }

    private void markSucceeded(String namespace, String generation) {
        client.resources(Generation.class).inNamespace(namespace).withName(generation).editStatus(g -> {
            GenerationStatus status = g.getStatus() == null ? new GenerationStatus() : g.getStatus();
            status.setPhase(GenerationPhase.Succeeded);
            status.setConditions(new java.util.ArrayList<>(List.of(new ConditionBuilder().withType("Succeeded").withStatus("True")
                    .withReason("Verified").withLastTransitionTime("2026-11-21T00:00:00Z").build())));
            g.setStatus(status);
            return g;
        });
    }

    private static final String PEST_CONTROL_STORY = "We are a pest control company. Customers book inspections of their property."
            + " Each inspection has a date, a price and a technician. Technicians write a treatment report for every inspection.";

    private static AppSpec draft(String name, String namespace, String requirements) {
        AppSpec app = new AppSpec();
        app.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
        app.setSpec(new io.veroforge.api.v1alpha1.AppSpecSpec());
        app.getSpec().setRequirements(requirements);
        app.getSpec().setDraft(true);
        return app;
    }

    private AppSpec example(String file, String namespace) throws IOException {
        try (InputStream in = Files.newInputStream(EXAMPLES.resolve(file))) {
            AppSpec app = Serialization.unmarshal(in, AppSpec.class);
            app.getMetadata().setNamespace(namespace);
            return app;
        }
    }

    private String newNamespace() {
        String name = "apps-" + UUID.randomUUID().toString().substring(0, 8);
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build()).create();
        return name;
    }

    private static EntitySpec entity(String name) {
        EntitySpec entity = new EntitySpec();
        entity.setName(name);
        return entity;
    }

    private static String ns(AppSpec app) {
        return app.getMetadata().getNamespace();
    }

    private io.fabric8.kubernetes.client.dsl.Resource<AppSpec> apps(AppSpec app) {
        return client.resources(AppSpec.class).inNamespace(ns(app)).withName(app.getMetadata().getName());
    }

    private List<Generation> generations(AppSpec app) {
        return client.resources(Generation.class).inNamespace(ns(app))
                .withLabel(Generation.APPSPEC_LABEL, app.getMetadata().getName()).list().getItems().stream()
                .sorted(Comparator.comparingInt((Generation g) -> Integer.parseInt(g.getMetadata().getName().replaceAll(".*-", ""))))
                .toList();
    }

    private List<Event> warnings(AppSpec app) {
        return client.v1().events().inNamespace(ns(app)).list().getItems().stream()
                .filter(e -> "Warning".equals(e.getType()) && app.getMetadata().getName().equals(e.getInvolvedObject().getName()))
                .toList();
    }

    private AppSpec awaitStatus(AppSpec app, Predicate<AppSpecStatus> condition) {
        return await().atMost(WAIT).until(() -> apps(app).get(), a -> a != null && a.getStatus() != null && condition.test(a.getStatus()));
    }
}
