package io.veroforge.operator.canary.gate;

/**
 * The gate's statistical knobs. The defaults are chosen so that two revisions drawn from the same
 * distribution are not told apart (no false rollback from noise, KpiGateTest runs 500 seeds), while a
 * regression clearly beyond the 20% tolerance (+60% latency at 15% noise, 30 samples) always is.
 *
 * @param alpha                  Mann-Whitney U significance level for "canary differs from baseline"
 * @param minRelativeEffect      how much worse (relative to the baseline median, or a tenth of the
 *                               threshold when the baseline is near zero) a significant difference
 *                               must be to fail, so a large sample does not fail a canary for a
 *                               difference no user notices
 * @param minSamplesToCompare    fewer canary or baseline samples than this: no baseline check
 * @param minConfidenceToPromote below it a passing canary holds instead of being promoted
 * @param trendPoints            evaluations (the current one included) the trend's slope is fitted over
 * @param trendTolerance         a change over those evaluations smaller than this share of the
 *                               KPI's scale is {@code stable}
 */
public record GatePolicy(double alpha, double minRelativeEffect, int minSamplesToCompare, double minConfidenceToPromote,
                         int trendPoints, double trendTolerance) {
    public static final GatePolicy DEFAULT = new GatePolicy(0.01, 0.2, 5, 0.5, 5, 0.05);

    public GatePolicy {
        if (alpha <= 0 || alpha >= 1) {
            throw new IllegalArgumentException("alpha must be in (0, 1)");
        }
        if (trendPoints < 3) {
            throw new IllegalArgumentException("trendPoints must be at least 3 (a slope over two points is noise)");
        }
    }
}
