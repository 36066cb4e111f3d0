package io.veroforge.console.bench;

import java.util.Arrays;
import java.util.Locale;

/** Percentiles of one page's measured times (nearest rank), in milliseconds. */
record PageTimes(String page, double[] serverMillis, double[] roundTripMillis) {

    static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    String line() {
        double[] server = serverMillis.clone();
        double[] trip = roundTripMillis.clone();
        Arrays.sort(server);
        Arrays.sort(trip);
        return String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f |", page, server.length,
                percentile(server, 50), percentile(server, 99), server[server.length - 1], percentile(trip, 50),
                percentile(trip, 99));
    }

    double p99() {
        double[] server = serverMillis.clone();
        Arrays.sort(server);
        return percentile(server, 99);
    }
}
