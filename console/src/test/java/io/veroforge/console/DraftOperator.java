package io.veroforge.console;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.veroforge.api.v1alpha1.AppSpec;
import io.veroforge.api.v1alpha1.AppSpecStatus;
import io.veroforge.api.v1alpha1.CompressedJson;
import io.veroforge.api.v1alpha1.ResolvedModelSummary;
import io.veroforge.generator.input.AppSpecInput;
import io.veroforge.generator.model.Problem;
import io.veroforge.generator.resolve.AppModelResolver;
import io.veroforge.generator.resolve.Resolution;

/**
 * The AppSpec reconciler's part in the requirement chat, played for the browser test (the operator does not run in
 * the console's test JVM), with the generator's own resolver and offline analyzer — the call the reconciler makes —
 * so the preview the page shows is the model the operator would propose: a draft gets {@code status.preview} and
 * Ready=False Draft; once Create cleared the mark, the first Generation records the model. Called by the test after
 * each write, explicitly: nothing here runs on its own.
 */
public final class DraftOperator {
    private static final ObjectMapper BINDER = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static AppModelResolver resolver;

    private DraftOperator() {
    }

    /** One reconcile of {@code name}: the preview of a draft, or the first Generation of a created app. */
    public static AppSpec reconcile(String namespace, String name) {
        try (KubernetesClient admin = LocalApiResource.admin()) {
            AppSpec app = admin.resources(AppSpec.class).inNamespace(namespace).withName(name).get();
            Resolution resolution = resolver().resolve(name, namespace, BINDER.convertValue(app.getSpec(), AppSpecInput.class));
            long generation = app.getMetadata().getGeneration();
            AppSpecStatus status = new AppSpecStatus();
            status.setObservedGeneration(generation);
            if (!resolution.valid()) {
                String problems = String.join("; ", resolution.errors().stream().map(Problem::toString).toList());
                status.setConditions(List.of(condition("Resolved", "False", "InvalidSpec", problems, generation),
                        condition("Ready", "False", "InvalidSpec", problems, generation)));
            } else {
                JsonNode model = JSON.valueToTree(resolution.model());
                ResolvedModelSummary summary = new ResolvedModelSummary();
                summary.setEntities(model.path("entities").size());
                status.setResolved(summary);
                status.setWarnings(resolution.warnings().stream().map(Problem::toString).toList());
                List<Condition> conditions = new ArrayList<>();
                conditions.add(condition("Resolved", "True", "Resolved", model.path("entities").size() + " entities, "
                        + model.path("workflows").size() + " workflows", generation));
                if (app.getSpec().drafted()) {
                    status.setPreview(CompressedJson.encode(model));
                    conditions.add(condition("Ready", "False", "Draft", "a draft: the resolved model is previewed in status.preview;"
                            + " no Generation is recorded until spec.draft is false or removed", generation));
                } else {
                    String first = name + "-1";
                    Apps.ensureGenerationRecording(namespace, name, first, model);
                    status.setLatestGeneration(first);
                    conditions.add(condition("Ready", "True", "GenerationRecorded", "Generation " + first + " records the current spec",
                            generation));
                }
                status.setConditions(conditions);
            }
            app.setStatus(status);
            return admin.resource(app).updateStatus();
        }
    }

    private static synchronized AppModelResolver resolver() {
        if (resolver == null) {
            resolver = new AppModelResolver();
        }
        return resolver;
    }

    private static Condition condition(String type, String status, String reason, String message, long generation) {
        return new ConditionBuilder().withType(type).withStatus(status).withReason(reason).withMessage(message)
                .withLastTransitionTime(Instant.now().toString()).withObservedGeneration(generation).build();
    }
}
