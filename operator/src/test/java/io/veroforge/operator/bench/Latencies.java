package io.veroforge.operator.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** Measured durations in nanoseconds, sorted, with nearest-rank percentiles in milliseconds. */
final class Latencies {
    private final List<Long> sorted;

    Latencies(Collection<Long> nanos) {
        if (nanos.isEmpty()) {
            throw new IllegalArgumentException("no measurements");
        }
        this.sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
    }

    /** The nearest-rank p-th percentile, in milliseconds. */
    long percentileMillis(int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1_000_000;
    }

    long maxMillis() {
        return sorted.get(sorted.size() - 1) / 1_000_000;
    }
}
