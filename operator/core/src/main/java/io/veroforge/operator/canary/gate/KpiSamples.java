package io.veroforge.operator.canary.gate;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A KPI's data for one evaluation.
 *
 * @param resolvedQuery the query sent to the metrics provider, placeholders substituted; reported with NoData
 * @param canary        the canary revision's samples over the analysis window (empty: no data)
 * @param baseline      the stable revision's samples over the same window (empty: no baseline check)
 * @param history       this KPI's value at earlier evaluations, oldest first (for the trend)
 */
public record KpiSamples(KpiDefinition kpi, String resolvedQuery, double[] canary, double[] baseline, List<Double> history) {
    public KpiSamples {
        Objects.requireNonNull(kpi, "kpi");
        canary = finite(canary);
        baseline = finite(baseline);
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** NaN and infinities (a 0/0 rate with no traffic) are absence of data, not values. */
    private static double[] finite(double[] values) {
        return values == null ? new double[0] : Arrays.stream(values).filter(Double::isFinite).toArray();
    }

    public boolean hasData() {
        return canary.length > 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KpiSamples other && kpi.equals(other.kpi) && Objects.equals(resolvedQuery, other.resolvedQuery)
                && Arrays.equals(canary, other.canary) && Arrays.equals(baseline, other.baseline) && history.equals(other.history);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kpi, resolvedQuery, Arrays.hashCode(canary), Arrays.hashCode(baseline), history);
    }

    @Override
    public String toString() {
        return "KpiSamples[" + kpi.name() + ", canary=" + canary.length + ", baseline=" + baseline.length + "]";
    }
}
