package io.veroforge.operator.delivery;

import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.veroforge.api.v1alpha1.AppSpec;
import io.veroforge.api.v1alpha1.Canary;
import io.veroforge.api.v1alpha1.CanaryRolloutSpec;
import io.veroforge.api.v1alpha1.CanarySpec;
import io.veroforge.api.v1alpha1.CanaryStep;
import io.veroforge.api.v1alpha1.CanaryTarget;
import io.veroforge.api.v1alpha1.Generation;
import io.veroforge.api.v1alpha1.Kpi;
import io.veroforge.api.v1alpha1.KpiOperator;

/**
 * The Canary a Generation's rollout gets, named after the Generation: the spec of
 * {@code spec.rollout.canary.templateRef} (target excepted), or the platform's defaults (steps
 * 10/50/100 or the AppSpec's own, error rate below 1% as a critical KPI, p95 latency below 500 ms).
 */
final class CanaryResource {
    static final List<CanaryStep> DEFAULT_STEPS = List.of(new CanaryStep(10, null), new CanaryStep(50, null), new CanaryStep(100, null));

    private CanaryResource() {
    }

    static Canary desired(AppSpec app, Generation generation, Canary template) {
        CanaryRolloutSpec rollout = app.getSpec().getRollout() == null ? null : app.getSpec().getRollout().getCanary();
        CanarySpec spec = template != null ? Serialization.clone(template.getSpec()) : defaults(rollout);
        CanaryTarget target = new CanaryTarget();
        target.setAppSpec(app.getMetadata().getName());
        spec.setTarget(target);
        Canary canary = new Canary();
        canary.getMetadata().setNamespace(app.getMetadata().getNamespace());
        canary.getMetadata().setName(generation.getMetadata().getName());
        canary.getMetadata().setLabels(Map.copyOf(DeliveryLabels.forGeneration(app.getMetadata().getName(), generation.getMetadata().getName())));
        canary.getMetadata().setOwnerReferences(List.of(DeliveryLabels.ownedBy(generation)));
        canary.setSpec(spec);
        return canary;
    }

    private static CanarySpec defaults(CanaryRolloutSpec rollout) {
        CanarySpec spec = new CanarySpec();
        spec.setSteps(rollout != null && !rollout.getSteps().isEmpty() ? rollout.getSteps() : DEFAULT_STEPS);
        Kpi errors = new Kpi("error_rate", 0.01, KpiOperator.lt, 60);
        errors.setCritical(true);
        spec.setKpis(List.of(errors, new Kpi("latency_p95_ms", 500.0, KpiOperator.lt, 40)));
        return spec;
    }
}
