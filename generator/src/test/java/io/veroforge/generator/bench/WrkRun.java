package io.veroforge.generator.bench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One wrk run's figures, read from its {@code --latency} report. */
record WrkRun(String endpoint, int connections, double requestsPerSecond, double p50Ms, double p99Ms, long requests, long errors) {

    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern SOCKET = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    static WrkRun parse(String endpoint, int connections, String report) {
        double rps = Double.parseDouble(find(RPS, report, "Requests/sec"));
        long total = Long.parseLong(find(TOTAL, report, "requests in"));
        long errors = 0;
        Matcher non2xx = NON_2XX.matcher(report);
        if (non2xx.find()) {
            errors += Long.parseLong(non2xx.group(1));
        }
        Matcher socket = SOCKET.matcher(report);
        if (socket.find()) {
            for (int g = 1; g <= 4; g++) {
                errors += Long.parseLong(socket.group(g));
            }
        }
        return new WrkRun(endpoint, connections, rps, percentile(report, "50"), percentile(report, "99"), total, errors);
    }

    /** A line of wrk's latency distribution, e.g. {@code 99%   12.34ms}, in milliseconds. */
    static double percentile(String report, String percent) {
        Matcher m = Pattern.compile("(?m)^\\s+" + percent + "(?:\\.000)?%\\s+([0-9.]+)(us|ms|s)\\s*$").matcher(report);
        if (!m.find()) {
            throw new IllegalStateException("no " + percent + "% line in the wrk report:\n" + report);
        }
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> v / 1000;
            case "s" -> v * 1000;
            default -> v;
        };
    }

    private static String find(Pattern p, String report, String what) {
        Matcher m = p.matcher(report);
        if (!m.find()) {
            throw new IllegalStateException("no '" + what + "' in the wrk report:\n" + report);
        }
        return m.group(1);
    }
}
