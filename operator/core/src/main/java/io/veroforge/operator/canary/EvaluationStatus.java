package io.veroforge.operator.canary;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.veroforge.api.v1alpha1.CanaryEvaluation;
import io.veroforge.api.v1alpha1.CanaryRecommendation;
import io.veroforge.api.v1alpha1.KpiOperator;
import io.veroforge.api.v1alpha1.KpiResult;
import io.veroforge.api.v1alpha1.KpiTrend;
import io.veroforge.operator.canary.gate.GateEvaluation;
import io.veroforge.operator.canary.gate.KpiOutcome;

/**
 * The one place a gate evaluation becomes Canary status: {@code lastEvaluation} with every KPI's
 * value, baseline, threshold, operator, weight, verdict, trend and resolved PromQL, and the KPI
 * history the next evaluation's trend is fitted over.
 */
public final class EvaluationStatus {
    /** Values kept per KPI for the trend; the gate fits over the last five. */
    static final int HISTORY = 10;

    private EvaluationStatus() {
    }

    public static CanaryEvaluation of(GateEvaluation e, Instant at) {
        CanaryEvaluation status = new CanaryEvaluation();
        status.setAt(at.truncatedTo(ChronoUnit.SECONDS).toString());
        status.setPassed(e.passed());
        status.setScore(e.score());
        status.setConfidence(e.confidence());
        status.setRecommendation(switch (e.recommendation()) {
            case promote -> CanaryRecommendation.PROMOTE;
            case rollback -> CanaryRecommendation.ROLLBACK;
            case hold -> CanaryRecommendation.CONTINUE;
        });
        status.setReason(e.reasonCode());
        status.setMessage(e.reasons().isEmpty() ? null : String.join("; ", e.reasons().stream().map(r -> r.message()).toList()));
        List<KpiResult> kpis = new ArrayList<>();
        for (KpiOutcome o : e.kpiResults()) {
            KpiResult r = new KpiResult();
            r.setName(o.kpi());
            r.setValue(o.value());
            r.setBaseline(o.baseline());
            r.setThreshold(o.threshold());
            r.setOperator(KpiOperator.valueOf(o.operator().name()));
            r.setWeight(o.weight());
            r.setCritical(o.critical() ? true : null);
            r.setPassed(o.passed());
            r.setTrend(KpiTrend.valueOf(o.trend().name()));
            r.setSamples(o.samples());
            r.setBaselineSamples(o.baselineSamples());
            r.setPValue(o.pValue());
            r.setQuery(o.query());
            r.setReason(o.reason());
            kpis.add(r);
        }
        status.setKpis(kpis);
        return status;
    }

    /** {@code previous} with this evaluation's values appended, at most {@link #HISTORY} per KPI. */
    public static Map<String, List<Double>> history(Map<String, List<Double>> previous, GateEvaluation e) {
        Map<String, List<Double>> next = new LinkedHashMap<>();
        for (KpiOutcome o : e.kpiResults()) {
            List<Double> values = new ArrayList<>(previous == null ? List.of() : previous.getOrDefault(o.kpi(), List.of()));
            if (o.value() != null) {
                values.add(o.value());
            }
            next.put(o.kpi(), List.copyOf(values.subList(Math.max(0, values.size() - HISTORY), values.size())));
        }
        return next;
    }
}
