package io.veroforge.operator.canary;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The CRD's durations ({@code 30s}, {@code 5m}, {@code 1h30m}) to and from {@link Duration}. */
final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h)");

    private Durations() {
    }

    static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty duration");
        }
        Matcher m = PART.matcher(text);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            });
            end = m.end();
        }
        if (end != text.length()) {
            throw new IllegalArgumentException("not a duration: " + text + " (use e.g. 30s, 5m, 1h)");
        }
        return total;
    }

    /** PromQL's spelling: whole seconds. */
    static String format(Duration duration) {
        return Math.max(1, duration.toSeconds()) + "s";
    }
}
