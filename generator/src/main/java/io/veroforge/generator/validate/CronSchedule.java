package io.veroforge.generator.validate;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The cron language the generated scheduler understands (npm {@code cron-parser}, UTC, one tick a
 * minute), checked here so that a schedule the app could not run is refused at validate time:
 * five fields (minute hour day-of-month month day-of-week) of {@code *}, numbers, names
 * ({@code jan}…, {@code mon}…), ranges {@code a-b}, steps {@code * /n}, {@code a/n}, {@code a-b/n} and
 * lists, or one of the macros. A problem names the field and what it accepts.
 */
public final class CronSchedule {

    /** Macros cron-parser expands; seconds-level ones are left out (the scheduler ticks once a minute). */
    public static final List<String> MACROS = List.of("@yearly", "@annually", "@monthly", "@weekly", "@daily", "@hourly",
            "@weekdays", "@weekends");

    private record Unit(String name, int min, int max, Map<String, Integer> names) {
    }

    private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3),
            Map.entry("apr", 4), Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9),
            Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));
    private static final Map<String, Integer> DAYS = Map.of("sun", 0, "mon", 1, "tue", 2, "wed", 3, "thu", 4, "fri", 5, "sat", 6);
    private static final List<Unit> UNITS = List.of(new Unit("minute", 0, 59, Map.of()), new Unit("hour", 0, 23, Map.of()),
            new Unit("day-of-month", 1, 31, Map.of()), new Unit("month", 1, 12, MONTHS), new Unit("day-of-week", 0, 7, DAYS));

    private CronSchedule() {
    }

    /** Why the expression cannot be scheduled, or empty when it can. */
    public static Optional<String> problem(String expression) {
        String text = expression.trim();
        if (text.startsWith("@")) {
            return MACROS.contains(text.toLowerCase(Locale.ROOT)) ? Optional.empty()
                    : Optional.of("unknown macro \"" + text + "\"");
        }
        String[] fields = text.split("\\s+");
        if (fields.length == 6) {
            return Optional.of("has six fields: seconds are not scheduled (the scheduler runs once a minute)");
        }
        if (fields.length != 5) {
            return Optional.of("has " + fields.length + " field(s), a cron expression has five");
        }
        for (int i = 0; i < 5; i++) {
            Optional<String> p = fieldProblem(fields[i], UNITS.get(i));
            if (p.isPresent()) {
                return Optional.of(UNITS.get(i).name() + " \"" + fields[i] + "\": " + p.get());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> fieldProblem(String field, Unit unit) {
        for (String part : field.split(",", -1)) {
            if (part.isEmpty()) {
                return Optional.of("empty list element");
            }
            String[] stepSplit = part.split("/", -1);
            if (stepSplit.length > 2) {
                return Optional.of("more than one step in \"" + part + "\"");
            }
            if (stepSplit.length == 2) {
                Integer step = number(stepSplit[1]);
                if (step == null || step < 1 || step > unit.max()) {
                    return Optional.of("step \"" + stepSplit[1] + "\" must be a number from 1 to " + unit.max());
                }
            }
            String range = stepSplit[0];
            if (range.equals("*")) {
                continue;
            }
            String[] bounds = range.split("-", -1);
            if (bounds.length > 2) {
                return Optional.of("\"" + range + "\" is not a value or a range a-b");
            }
            Integer low = value(bounds[0], unit);
            Integer high = bounds.length == 2 ? value(bounds[1], unit) : low;
            if (low == null || high == null) {
                return Optional.of("\"" + range + "\" is not a " + unit.name() + " (" + unit.min() + "-" + unit.max()
                        + (unit.names().isEmpty() ? "" : " or a name such as " + (unit == UNITS.get(3) ? "jan" : "mon")) + ")");
            }
            if (low > high) {
                return Optional.of("range " + range + " runs backwards");
            }
        }
        return Optional.empty();
    }

    private static Integer value(String text, Unit unit) {
        Integer named = unit.names().get(text.toLowerCase(Locale.ROOT));
        if (named != null) {
            return named;
        }
        Integer n = number(text);
        return n == null || n < unit.min() || n > unit.max() ? null : n;
    }

    private static Integer number(String text) {
        if (text.isEmpty() || text.length() > 3 || !text.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Integer.parseInt(text);
    }
}
