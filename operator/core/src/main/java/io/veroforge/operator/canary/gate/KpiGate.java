package io.veroforge.operator.canary.gate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Scores a canary and recommends what to do. Per KPI: the canary's mean must pass the threshold,
 * its newest samples must not all fail it while the baseline's pass (a late break), and the canary
 * must not be significantly worse than the baseline ({@link BaselineComparison}).
 * The score is the weight of passing KPIs over the weight of KPIs with data. A failing critical KPI
 * or a score under the pass score recommends rollback; missing data only ever holds (never rollback,
 * never promote); a passing evaluation with too little data holds too.
 */
public final class KpiGate {
    private final GatePolicy policy;
    private final BaselineComparison baseline;
    private final TrendEstimator trends;

    public KpiGate() {
        this(GatePolicy.DEFAULT);
    }

    public KpiGate(GatePolicy policy) {
        this.policy = policy;
        this.baseline = new BaselineComparison(policy);
        this.trends = new TrendEstimator(policy);
    }

    public GateEvaluation evaluate(GateInput input) {
        List<KpiOutcome> outcomes = new ArrayList<>();
        for (KpiSamples samples : input.kpis()) {
            outcomes.add(outcome(samples));
        }
        double confidence = confidence(input);
        List<GateReason> noData = new ArrayList<>();
        List<GateReason> failures = new ArrayList<>();
        double weightWithData = 0;
        double weightPassed = 0;
        boolean criticalFailed = false;
        for (int i = 0; i < outcomes.size(); i++) {
            KpiOutcome o = outcomes.get(i);
            if (o.passed() == null) {
                noData.add(new GateReason(GateReason.NO_DATA, o.kpi(), "no data for " + o.kpi() + " from query "
                        + input.kpis().get(i).resolvedQuery() + "; inconclusive, neither promoted nor rolled back"));
                continue;
            }
            weightWithData += o.weight();
            if (o.passed()) {
                weightPassed += o.weight();
            } else {
                failures.add(new GateReason(o.reason(), o.kpi(), failureMessage(o)));
                criticalFailed |= o.critical();
            }
        }
        if (weightWithData == 0) {
            return new GateEvaluation(false, null, Recommendation.hold, confidence, outcomes, noData);
        }
        double score = Math.round(1000 * weightPassed / weightWithData) / 10.0;
        boolean passed = !criticalFailed && score >= input.passScore();
        List<GateReason> reasons = new ArrayList<>();
        Recommendation recommendation;
        if (!passed) {
            recommendation = Recommendation.rollback;
            if (criticalFailed) {
                String which = failures.stream().filter(r -> isCritical(outcomes, r.kpi())).map(GateReason::kpi).toList().toString();
                reasons.add(new GateReason(GateReason.CRITICAL_KPI_FAILED, null, "critical KPI(s) " + which + " failed"));
            }
            if (score < input.passScore()) {
                reasons.add(new GateReason(GateReason.SCORE_BELOW_PASS_SCORE, null,
                        "score " + fmt(score) + " is below the pass score " + fmt(input.passScore())));
            }
            reasons.addAll(failures);
            reasons.addAll(noData);
        } else if (!noData.isEmpty()) {
            recommendation = Recommendation.hold;
            reasons.addAll(noData);
            reasons.addAll(failures);
        } else if (confidence < policy.minConfidenceToPromote()) {
            recommendation = Recommendation.hold;
            reasons.add(new GateReason(GateReason.LOW_CONFIDENCE, null, "confidence " + fmt(confidence) + " is below "
                    + fmt(policy.minConfidenceToPromote()) + ": too few samples in the window to promote yet"));
            reasons.addAll(failures);
        } else {
            recommendation = Recommendation.promote;
            reasons.add(failures.isEmpty() ? new GateReason(GateReason.ALL_KPIS_PASSED, null, "every KPI passed")
                    : new GateReason(GateReason.SCORE_PASSED, null, "score " + fmt(score) + " reaches the pass score "
                    + fmt(input.passScore()) + " although " + failures.size() + " KPI(s) failed"));
            reasons.addAll(failures);
        }
        return new GateEvaluation(passed, score, recommendation, confidence, outcomes, reasons);
    }

    private KpiOutcome outcome(KpiSamples samples) {
        KpiDefinition kpi = samples.kpi();
        Double baselineMean = samples.baseline().length == 0 ? null : mean(samples.baseline());
        if (!samples.hasData()) {
            return new KpiOutcome(kpi.name(), null, baselineMean, kpi.threshold(), kpi.operator(), kpi.weight(), kpi.critical(),
                    null, trends.trend(kpi, samples.history(), null), 0, samples.baseline().length, null,
                    samples.resolvedQuery(), GateReason.NO_DATA);
        }
        double value = mean(samples.canary());
        BaselineComparison.Result comparison = baseline.compare(kpi, samples.canary(), samples.baseline());
        String reason = null;
        if (!kpi.operator().passes(value, kpi.threshold())) {
            reason = GateReason.THRESHOLD_FAILED;
        } else if (recentBreach(kpi, samples)) {
            reason = GateReason.RECENT_BREACH;
        } else if (comparison != null && comparison.worse()) {
            reason = GateReason.WORSE_THAN_BASELINE;
        }
        return new KpiOutcome(kpi.name(), round(value), baselineMean == null ? null : round(baselineMean), kpi.threshold(),
                kpi.operator(), kpi.weight(), kpi.critical(), reason == null, trends.trend(kpi, samples.history(), value),
                samples.canary().length, samples.baseline().length, comparison == null ? null : round(comparison.pValue()),
                samples.resolvedQuery(), reason);
    }

    /**
     * The canary's newest samples all fail the threshold and the baseline's newest do not: it broke
     * inside the window. When the stable revision fails too, the cause is shared (the database, the
     * load), not the canary, and only the window's mean decides.
     */
    private boolean recentBreach(KpiDefinition kpi, KpiSamples samples) {
        int k = policy.breachSamples();
        return samples.canary().length >= k && allFail(kpi, samples.canary(), k)
                && !(samples.baseline().length >= k && allFail(kpi, samples.baseline(), k));
    }

    private static boolean allFail(KpiDefinition kpi, double[] values, int newest) {
        for (int i = values.length - newest; i < values.length; i++) {
            if (kpi.operator().passes(values[i], kpi.threshold())) {
                return false;
            }
        }
        return true;
    }

    /** Weighted share of the expected samples each KPI has (capped at the expected), rounded to 3 places. */
    private static double confidence(GateInput input) {
        double total = 0;
        double covered = 0;
        for (KpiSamples samples : input.kpis()) {
            total += samples.kpi().weight();
            covered += samples.kpi().weight() * Math.min(1.0, (double) samples.canary().length / input.expectedSamples());
        }
        return total == 0 ? 0 : Math.round(1000 * covered / total) / 1000.0;
    }

    private static boolean isCritical(List<KpiOutcome> outcomes, String kpi) {
        return outcomes.stream().anyMatch(o -> o.kpi().equals(kpi) && o.critical());
    }

    private String failureMessage(KpiOutcome o) {
        if (GateReason.RECENT_BREACH.equals(o.reason())) {
            return o.kpi() + " = " + fmt(o.value()) + " over the window, but its newest " + policy.breachSamples() + " samples all fail "
                    + o.operator() + " " + fmt(o.threshold()) + " while the baseline's do not: the canary broke within the window";
        }
        if (GateReason.WORSE_THAN_BASELINE.equals(o.reason())) {
            return o.kpi() + " = " + fmt(o.value()) + " passes its threshold but is significantly worse than the baseline "
                    + fmt(o.baseline()) + " (Mann-Whitney p = " + fmt(o.pValue()) + ")";
        }
        return o.kpi() + " = " + fmt(o.value()) + " is not " + o.operator() + " " + fmt(o.threshold());
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).sum() / values.length;
    }

    /** Six significant digits: enough to debug, and the same bits on every JVM. */
    private static double round(double value) {
        if (value == 0 || !Double.isFinite(value)) {
            return value;
        }
        return new java.math.BigDecimal(value).round(new java.math.MathContext(6)).doubleValue();
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.6g", value).replaceAll("\\.?0+(e|$)", "$1");
    }
}
