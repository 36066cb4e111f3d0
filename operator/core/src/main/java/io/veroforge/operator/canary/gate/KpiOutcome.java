package io.veroforge.operator.canary.gate;

/**
 * One KPI's verdict in an evaluation, with everything needed to re-check it by hand.
 *
 * @param value           the canary's mean over the window, null without data
 * @param baseline        the stable revision's mean over the window, null without data
 * @param passed          null when there was no data (neither pass nor fail)
 * @param pValue          one-sided Mann-Whitney U p-value that the canary is worse than the baseline by more than
 *                        the tolerance ({@link GatePolicy#minRelativeEffect}), null when not compared
 * @param samples         canary samples used
 * @param baselineSamples baseline samples used
 * @param reason          one of {@link GateReason}'s codes, null when it simply passed
 */
public record KpiOutcome(String kpi, Double value, Double baseline, double threshold, Comparison operator, int weight,
                         boolean critical, Boolean passed, Trend trend, int samples, int baselineSamples, Double pValue,
                         String query, String reason) {
}
