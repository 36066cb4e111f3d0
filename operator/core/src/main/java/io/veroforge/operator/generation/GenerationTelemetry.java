package io.veroforge.operator.generation;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.veroforge.api.v1alpha1.Generation;
import io.veroforge.api.v1alpha1.GenerationPhase;
import io.veroforge.api.v1alpha1.GenerationStatus;
import io.veroforge.api.v1alpha1.StageName;
import io.veroforge.api.v1alpha1.StageStatus;
import io.veroforge.operator.telemetry.CustomerId;
import io.veroforge.operator.telemetry.TelemetryEvent;
import io.veroforge.operator.telemetry.TelemetryEvent.Type;
import io.veroforge.operator.telemetry.TelemetrySink;

/**
 * What the pipeline tells the intelligence engine: one {@code performance} event per stage, one
 * {@code generation} and one {@code template_usage} event per finished run, one
 * {@code deployment} event per deploy outcome. Never fails the run: a sink that cannot deliver
 * drops or keeps the event itself.
 */
@ApplicationScoped
public class GenerationTelemetry {
    private final TelemetrySink sink;
    private final KubernetesClient client;
    /** namespace -> anonymized id; a namespace's UID never changes. */
    private final Map<String, String> customers = new ConcurrentHashMap<>();

    public GenerationTelemetry(TelemetrySink sink, KubernetesClient client) {
        this.sink = sink;
        this.client = client;
    }

    void stage(GenerationRun run, StageName stage, StageOutcome outcome, Duration took) {
        if (outcome.kind() == StageOutcome.Kind.WAITING) {
            return; // a wait is not a result; the stage reports when it ends
        }
        Generation g = run.generation();
        boolean ok = outcome.advances();
        sink.emit(event(Type.performance, g, stage.name(), took.toMillis(), ok, ok ? null : outcome.reason(), Map.of()));
        if (stage == StageName.Deploy || stage == StageName.Verify && !ok) {
            sink.emit(event(Type.deployment, g, stage.name(), took.toMillis(), ok, ok ? null : outcome.reason(), Map.of()));
        }
    }

    void run(Generation g, GenerationStatus status) {
        boolean ok = status.getPhase() == GenerationPhase.Succeeded;
        long millis = 0;
        StageStatus first = status.getStages().isEmpty() ? null : status.getStages().get(0);
        if (first != null && first.getStartedAt() != null) {
            millis = Duration.between(Instant.parse(first.getStartedAt()), Instant.now()).toMillis();
        }
        Map<String, Number> metrics = new LinkedHashMap<>();
        if (status.getArtifacts() != null) {
            metrics.put("entitiesGenerated", status.getArtifacts().getEntities());
            metrics.put("apiEndpointsGenerated", status.getArtifacts().getEndpoints());
            metrics.put("uiComponentsGenerated", status.getArtifacts().getViews());
            metrics.put("filesGenerated", status.getArtifacts().getFiles());
        }
        if (status.getGaps() != null) {
            metrics.put("gapsFilledByAi", status.getGaps().getFilledByAi());
            metrics.put("gapsUnfilled", status.getGaps().getUnfilled());
        }
        metrics.put("securityFindings", status.getFindings().size());
        metrics.values().removeIf(v -> v == null);
        String error = ok ? null : status.getPhase() + " at " + status.getStage();
        sink.emit(event(Type.generation, g, null, millis, ok, error, metrics));
        sink.emit(event(Type.template_usage, g, null, millis, ok, error, metrics));
    }

    /** One {@code customer_edit} event per structural edit the merge found (drift). */
    void customerEdits(Generation g, List<TelemetryEvent.Edit> edits) {
        String template = g.getSpec().getTemplatePack().getName() + "@" + g.getSpec().getTemplatePack().getRevision();
        for (TelemetryEvent.Edit edit : edits) {
            sink.emit(new TelemetryEvent(Type.customer_edit, Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(),
                    customer(g.getMetadata().getNamespace()), new TelemetryEvent.Data(template, null, 0, true, null, Map.of(), edit)));
        }
    }

    private TelemetryEvent event(Type type, Generation g, String stage, long millis, boolean ok, String error, Map<String, Number> metrics) {
        String template = g.getSpec().getTemplatePack().getName() + "@" + g.getSpec().getTemplatePack().getRevision();
        return new TelemetryEvent(type, Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(), customer(g.getMetadata().getNamespace()),
                new TelemetryEvent.Data(template, stage, millis, ok, error, metrics));
    }

    private String customer(String namespace) {
        return customers.computeIfAbsent(namespace, n -> {
            Namespace ns = client.namespaces().withName(n).get();
            return CustomerId.of(ns == null || ns.getMetadata().getUid() == null ? n : ns.getMetadata().getUid());
        });
    }
}
