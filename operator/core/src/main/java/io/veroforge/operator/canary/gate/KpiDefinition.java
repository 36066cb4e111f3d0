package io.veroforge.operator.canary.gate;

import java.util.Objects;

/**
 * One KPI as the gate sees it.
 *
 * @param query    the KPI's own query as written (null for a built-in); only reported
 * @param weight   share of the score, 1-100
 * @param critical failing it fails the gate whatever the score
 */
public record KpiDefinition(String name, String query, double threshold, Comparison operator, int weight, boolean critical) {
    public KpiDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(operator, "operator");
        if (weight < 1 || weight > 100) {
            throw new IllegalArgumentException("kpi " + name + ": weight must be 1-100, was " + weight);
        }
        if (Double.isNaN(threshold) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("kpi " + name + ": threshold must be a finite number");
        }
    }
}
