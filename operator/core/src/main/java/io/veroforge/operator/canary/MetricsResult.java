package io.veroforge.operator.canary;

/** What a metrics provider answered: samples (possibly none), or why it could not answer. */
public sealed interface MetricsResult {

    /** @param values every sample of the first series, in time order; empty when the query matched nothing */
    record Samples(double[] values) implements MetricsResult {
    }

    /** The provider was unreachable or refused the query: never data, never a reason to roll back. */
    record Unavailable(String cause) implements MetricsResult {
    }
}
