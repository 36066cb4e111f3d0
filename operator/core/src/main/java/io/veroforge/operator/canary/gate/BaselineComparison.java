package io.veroforge.operator.canary.gate;

import java.util.Arrays;

import org.apache.commons.math3.stat.inference.MannWhitneyUTest;

/**
 * Whether the canary is significantly worse than the stable revision by more than a tolerance
 * (Kayenta's approach): the canary's samples are first moved by the tolerance in the KPI's good
 * direction, then a Mann-Whitney U test asks whether they are still worse than the baseline's.
 * Testing against the tolerance, not against equality, is what keeps two revisions from the same
 * distribution from failing by chance however many evaluations a rollout runs.
 */
final class BaselineComparison {
    /**
     * @param pValue one-sided: the chance of samples this much worse if the canary were within the tolerance
     * @param effect (canary median - baseline median) in the bad direction, relative to the baseline's scale
     */
    record Result(double pValue, boolean worse, double effect) {
    }

    private final GatePolicy policy;
    private final MannWhitneyUTest test = new MannWhitneyUTest();

    BaselineComparison(GatePolicy policy) {
        this.policy = policy;
    }

    /** Null when the KPI has no direction (eq) or too few samples on either side. */
    Result compare(KpiDefinition kpi, double[] canary, double[] baseline) {
        if (kpi.operator() == Comparison.eq || canary.length < policy.minSamplesToCompare()
                || baseline.length < policy.minSamplesToCompare()) {
            return null;
        }
        double baselineMedian = median(baseline);
        double scale = Math.max(Math.abs(baselineMedian), Math.max(0.1 * Math.abs(kpi.threshold()), 1e-12));
        double effect = (kpi.operator().badness(median(canary), kpi.threshold())
                - kpi.operator().badness(baselineMedian, kpi.threshold())) / scale;
        double shift = policy.minRelativeEffect() * scale * (kpi.operator() == Comparison.lt ? -1 : 1);
        double[] tolerated = Arrays.stream(canary).map(v -> v + shift).toArray();
        double twoSided = test.mannWhitneyUTest(tolerated, baseline);
        boolean worseSide = kpi.operator().badness(median(tolerated), kpi.threshold())
                > kpi.operator().badness(baselineMedian, kpi.threshold());
        double oneSided = worseSide ? twoSided / 2 : 1 - twoSided / 2;
        return new Result(oneSided, oneSided < policy.alpha(), effect);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
