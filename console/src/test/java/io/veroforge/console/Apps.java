package io.veroforge.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.veroforge.api.v1alpha1.AppSpec;
import io.veroforge.api.v1alpha1.AppSpecSpec;
import io.veroforge.api.v1alpha1.AppSpecStatus;
import io.veroforge.api.v1alpha1.EntitySpec;
import io.veroforge.api.v1alpha1.Generation;
import io.veroforge.api.v1alpha1.GenerationStatus;

/**
 * Test AppSpecs and Generations, and the status writes the AppSpec and Generation reconcilers would make. The
 * operator does not run in the console's test JVM: these tests play it, and say so.
 */
public final class Apps {
    /** The example Generation of crds/examples: waiting for approval because its migration drops a column. */
    private static final Path EXAMPLE_GENERATION = Path.of("../crds/examples/generation-pest-control-3.yaml");

    private Apps() {
    }

    public static AppSpec ensure(String namespace, String name, String vertical, String... entities) {
        try (KubernetesClient admin = LocalApiResource.admin()) {
            AppSpec existing = admin.resources(AppSpec.class).inNamespace(namespace).withName(name).get();
            if (existing != null) {
                return existing;
            }
            AppSpecSpec spec = new AppSpecSpec();
            spec.setVertical(vertical);
            spec.setEntities(java.util.Arrays.stream(entities).map(EntitySpec::new).collect(java.util.stream.Collectors.toList()));
            AppSpec app = new AppSpec();
            app.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
            app.setSpec(spec);
            return admin.resource(app).create();
        }
    }

    /** What the AppSpec reconciler reports; {@code conditions} are type, status, reason, message in fours. */
    public static void reportApp(String namespace, String name, String latest, String deployed, List<String> warnings,
            String... conditions) {
        try (KubernetesClient admin = LocalApiResource.admin()) {
            AppSpec app = admin.resources(AppSpec.class).inNamespace(namespace).withName(name).get();
            AppSpecStatus status = new AppSpecStatus();
            status.setLatestGeneration(latest);
            status.setDeployedGeneration(deployed);
            status.setWarnings(warnings);
            status.setObservedGeneration(app.getMetadata().getGeneration());
            status.setConditions(conditions(app.getMetadata().getGeneration(), conditions));
            app.setStatus(status);
            admin.resource(app).updateStatus();
        }
    }

    /** What the AppSpec reconciler writes to status.similarApps (nearest first), keeping the rest of status. */
    public static void reportSimilarApps(String namespace, String name, io.veroforge.api.v1alpha1.SimilarApp... similar) {
        try (KubernetesClient admin = LocalApiResource.admin()) {
            AppSpec app = admin.resources(AppSpec.class).inNamespace(namespace).withName(name).get();
            AppSpecStatus status = app.getStatus() == null ? new AppSpecStatus() : app.getStatus();
            status.setSimilarApps(List.of(similar));
            app.setStatus(status);
            admin.resource(app).updateStatus();
        }
    }

    /**
     * A Generation of {@code app} as the operator creates it (spec and label from the example), with the example's
     * status: AwaitApproval, a destructive migration step, one low finding.
     */
    public static Generation ensureGeneration(String namespace, String app, String name) {
        try (KubernetesClient admin = LocalApiResource.admin()) {
            Generation existing = admin.resources(Generation.class).inNamespace(namespace).withName(name).get();
            if (existing != null) {
                return existing;
            }
            Generation example = example();
            GenerationStatus status = example.getStatus();
            example.setStatus(null);
            example.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace)
                    .withLabels(Map.of(Generation.APPSPEC_LABEL, app)).build());
            example.getSpec().getAppSpec().setName(app);
            Generation created = admin.resource(example).create();
            created.setStatus(status);
            return admin.resource(created).updateStatus();
        }
    }

    /** The resolver's model of pest-control with relations (test resource, in the JSON shape ModelJson writes). */
    public static com.fasterxml.jackson.databind.JsonNode resolvedModel() {
        try (var in = Apps.class.getResourceAsStream("/resolved-model-pest-control.json")) {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read resolved-model-pest-control.json", e);
        }
    }

    /** A Generation like {@link #ensureGeneration}, recording {@code model} as the operator does (compressed). */
    public static Generation ensureGenerationRecording(String namespace, String app, String name,
            com.fasterxml.jackson.databind.JsonNode model) {
        try (KubernetesClient admin = LocalApiResource.admin()) {
            Generation existing = admin.resources(Generation.class).inNamespace(namespace).withName(name).get();
            if (existing != null) {
                return existing;
            }
            Generation example = example();
            example.setStatus(null);
            example.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace)
                    .withLabels(Map.of(Generation.APPSPEC_LABEL, app)).build());
            example.getSpec().getAppSpec().setName(app);
            example.getSpec().setCompressedModel(io.veroforge.api.v1alpha1.CompressedJson.encode(model));
            example.getSpec().setEntities(model.path("entities").size());
            return admin.resource(example).create();
        }
    }

    /** Changes a Generation's status as its reconciler would (read, change, write the status subresource). */
    public static Generation reportGeneration(String namespace, String name, Consumer<GenerationStatus> change) {
        try (KubernetesClient admin = LocalApiResource.admin()) {
            Generation generation = admin.resources(Generation.class).inNamespace(namespace).withName(name).get();
            change.accept(generation.getStatus());
            return admin.resource(generation).updateStatus();
        }
    }

    public static Generation generation(String namespace, String name) {
        try (KubernetesClient admin = LocalApiResource.admin()) {
            return admin.resources(Generation.class).inNamespace(namespace).withName(name).get();
        }
    }

    public static AppSpec app(String namespace, String name) {
        try (KubernetesClient admin = LocalApiResource.admin()) {
            return admin.resources(AppSpec.class).inNamespace(namespace).withName(name).get();
        }
    }

    public static Generation example() {
        try {
            return Serialization.unmarshal(Files.readString(EXAMPLE_GENERATION), Generation.class);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + EXAMPLE_GENERATION.toAbsolutePath(), e);
        }
    }

    private static List<Condition> conditions(Long observed, String... fours) {
        List<Condition> conditions = new java.util.ArrayList<>();
        for (int i = 0; i + 3 < fours.length; i += 4) {
            conditions.add(new ConditionBuilder().withType(fours[i]).withStatus(fours[i + 1]).withReason(fours[i + 2])
                    .withMessage(fours[i + 3]).withLastTransitionTime(Instant.now().toString())
                    .withObservedGeneration(observed).build());
        }
        return conditions;
    }
}
