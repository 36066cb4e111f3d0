package io.veroforge.operator.canary;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.veroforge.api.v1alpha1.CanarySpec;
import io.veroforge.api.v1alpha1.Kpi;
import io.veroforge.operator.canary.gate.Comparison;
import io.veroforge.operator.canary.gate.GateEvaluation;
import io.veroforge.operator.canary.gate.GateInput;
import io.veroforge.operator.canary.gate.KpiDefinition;
import io.veroforge.operator.canary.gate.KpiGate;
import io.veroforge.operator.canary.gate.KpiSamples;

/**
 * One evaluation of a Canary: each KPI's query resolved for the canary and the stable revision,
 * sent to Prometheus over the analysis window, and the samples scored by the {@link KpiGate}.
 * A provider that cannot answer for any query makes the whole evaluation {@link Outcome.Unknown}:
 * half the KPIs from a flapping Prometheus would be a decision on partial data.
 */
public final class CanaryEvaluator {
    /** What an evaluation came to. */
    public sealed interface Outcome {
        record Evaluated(GateEvaluation evaluation) implements Outcome {
        }

        /** @param cause names the provider and the KPI whose query failed */
        record Unknown(String cause) implements Outcome {
        }
    }

    /** Samples per analysis window a range query asks for (the step is window / this). */
    static final int SAMPLES_PER_WINDOW = 30;

    private final PrometheusRangeQuery prometheus;
    private final KpiGate gate;

    public CanaryEvaluator(PrometheusRangeQuery prometheus, KpiGate gate) {
        this.prometheus = prometheus;
        this.gate = gate;
    }

    /**
     * @param history each KPI's values at earlier evaluations (status.kpiHistory)
     * @throws IllegalArgumentException naming the KPI when it has neither a query nor a built-in
     */
    public Outcome evaluate(CanarySpec spec, String address, String namespace, String canaryRevision, String stableRevision,
                            Instant now, Map<String, List<Double>> history) {
        Duration interval = Durations.parse(spec.getAnalysis().getInterval());
        Duration window = Durations.parse(spec.getAnalysis().getWindow());
        Duration step = window.dividedBy(SAMPLES_PER_WINDOW).compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1)
                : window.dividedBy(SAMPLES_PER_WINDOW);
        int expected = (int) Math.max(1, window.toMillis() / step.toMillis());
        // parsed and formatted again: only a duration reaches the PromQL, whatever the field held
        String rateWindow = Durations.format(spec.getAnalysis().getRateWindow() != null ? Durations.parse(spec.getAnalysis().getRateWindow()) : interval);
        List<KpiSamples> samples = new ArrayList<>();
        for (Kpi kpi : spec.getKpis()) {
            String canaryQuery = KpiQueries.resolve(kpi, namespace, canaryRevision, rateWindow);
            String stableQuery = KpiQueries.resolve(kpi, namespace, stableRevision, rateWindow);
            MetricsResult canary = prometheus.query(address, canaryQuery, now, window, step);
            if (canary instanceof MetricsResult.Unavailable u) {
                return new Outcome.Unknown(u.cause() + " (KPI " + kpi.getName() + ")");
            }
            MetricsResult stable = prometheus.query(address, stableQuery, now, window, step);
            if (stable instanceof MetricsResult.Unavailable u) {
                return new Outcome.Unknown(u.cause() + " (KPI " + kpi.getName() + ", baseline)");
            }
            samples.add(new KpiSamples(definition(kpi), canaryQuery, ((MetricsResult.Samples) canary).values(),
                    ((MetricsResult.Samples) stable).values(), history == null ? List.of() : history.getOrDefault(kpi.getName(), List.of())));
        }
        int passScore = spec.getPassScore() == null ? 80 : spec.getPassScore();
        return new Outcome.Evaluated(gate.evaluate(new GateInput(samples, passScore, expected)));
    }

    static KpiDefinition definition(Kpi kpi) {
        return new KpiDefinition(kpi.getName(), kpi.getQuery(), kpi.getThreshold(), Comparison.valueOf(kpi.getOperator().name()),
                kpi.getWeight(), Boolean.TRUE.equals(kpi.getCritical()));
    }
}
