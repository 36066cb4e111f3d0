package io.veroforge.operator.canary.gate;

/** How a KPI's value must compare with its threshold to pass; also which direction is "worse". */
public enum Comparison {
    /** Higher is better (throughput, success rate). */
    gt,
    /** Lower is better (error rate, latency). */
    lt,
    /** The value must equal the threshold; no direction is better, so no baseline comparison. */
    eq;

    private static final double EQ_TOLERANCE = 1e-9;

    boolean passes(double value, double threshold) {
        return switch (this) {
            case gt -> value > threshold;
            case lt -> value < threshold;
            case eq -> Math.abs(value - threshold) <= EQ_TOLERANCE * Math.max(1.0, Math.abs(threshold));
        };
    }

    /** How bad {@code value} is in this KPI's direction: grows when the KPI gets worse. */
    double badness(double value, double threshold) {
        return switch (this) {
            case gt -> -value;
            case lt -> value;
            case eq -> Math.abs(value - threshold);
        };
    }
}
