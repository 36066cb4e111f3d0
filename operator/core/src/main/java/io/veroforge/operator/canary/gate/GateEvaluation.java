package io.veroforge.operator.canary.gate;

import java.util.List;

/**
 * The gate's verdict.
 *
 * @param passed     score at least the pass score, and no critical KPI failed (false with no data at all)
 * @param score      0-100: weight of passing KPIs over the weight of KPIs with data; null when none had data
 * @param confidence 0-1: how much data backed it (sample counts against the expected, KPIs covered)
 * @param reasons    the evaluation's reasons, most important first
 */
public record GateEvaluation(boolean passed, Double score, Recommendation recommendation, double confidence,
                             List<KpiOutcome> kpiResults, List<GateReason> reasons) {
    public GateEvaluation {
        kpiResults = List.copyOf(kpiResults);
        reasons = List.copyOf(reasons);
    }

    /** The first reason's code: what a condition reason shows. */
    public String reasonCode() {
        return reasons.isEmpty() ? GateReason.SCORE_PASSED : reasons.get(0).code();
    }
}
