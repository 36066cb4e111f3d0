package io.veroforge.operator.canary.gate;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.stat.regression.SimpleRegression;

/** A KPI's trend: the least-squares slope of its badness over the last evaluations. */
final class TrendEstimator {
    private final GatePolicy policy;

    TrendEstimator(GatePolicy policy) {
        this.policy = policy;
    }

    Trend trend(KpiDefinition kpi, List<Double> history, Double current) {
        List<Double> points = new ArrayList<>(history);
        if (current != null) {
            points.add(current);
        }
        points.removeIf(v -> v == null || !Double.isFinite(v));
        if (points.size() > policy.trendPoints()) {
            points = points.subList(points.size() - policy.trendPoints(), points.size());
        }
        if (points.size() < 3) {
            return Trend.stable;
        }
        SimpleRegression regression = new SimpleRegression();
        double sum = 0;
        for (int i = 0; i < points.size(); i++) {
            regression.addData(i, kpi.operator().badness(points.get(i), kpi.threshold()));
            sum += Math.abs(points.get(i));
        }
        double scale = Math.max(sum / points.size(), Math.max(0.1 * Math.abs(kpi.threshold()), 1e-12));
        double change = regression.getSlope() * (points.size() - 1) / scale;
        if (Math.abs(change) < policy.trendTolerance()) {
            return Trend.stable;
        }
        return change > 0 ? Trend.degrading : Trend.improving;
    }
}
