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
 * @param breachSamples          this many newest canary samples all failing the threshold, while the
 *                               baseline's newest do not, fail the KPI even if the window's mean
 *                               passes: a canary that broke late in the window is caught at this
 *                               evaluation, not when the mean catches up (log-normal noise at 50%
 *                               spread puts three samples in a row past 3x the median about once in
 *                               two million windows)
 */
public record GatePolicy(double alpha, double minRelativeEffect, int minSamplesToCompare, double minConfidenceToPromote,
                         int trendPoints, double trendTolerance, int breachSamples) {
    public static final GatePolicy DEFAULT = new GatePolicy(0.01, 0.2, 5, 0.5, 5, 0.05, 3);

    public GatePolicy {
        if (alpha <= 0 || alpha >= 1) {
            throw new IllegalArgumentException("alpha must be in (0, 1)");
        }
        if (trendPoints < 3) {
            throw new IllegalArgumentException("trendPoints must be at least 3 (a slope over two points is noise)");
        }
        if (breachSamples < 2) {
            throw new IllegalArgumentException("breachSamples must be at least 2 (one sample past the threshold is a spike)");
        }
    }
}
