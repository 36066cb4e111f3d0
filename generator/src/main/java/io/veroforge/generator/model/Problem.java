package io.veroforge.generator.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One problem with an AppSpec: where ({@code path}, plus the YAML line when known), what is
 * wrong, and how to fix it. Rendered as
 * {@code entities[2].relations[0].target: unknown entity "Techician" — did you mean "Technician"?}
 *
 * Values quoted from the spec are shortened when rendered (a 10 kB name must not bury the path
 * and the fix); the path and the fix never are.
 *
 * @param line 1-based YAML line, 0 when unknown (problems found after parsing)
 */
public record Problem(Severity severity, String path, String message, String fix, int line) {
    /** Longest value shown as written; longer ones keep their start and say how long they were. */
    static final int MAX_VALUE = 80;
    private static final int KEPT = 40;
    /** A double-quoted value, or a run of non-space characters (an unquoted value) too long to read. */
    private static final Pattern LONG_VALUE = Pattern.compile("\"([^\"]{" + (MAX_VALUE + 1) + ",})\"|(\\S{" + (MAX_VALUE + 1) + ",})");

    public static Problem error(String path, String message, String fix) {
        return new Problem(Severity.ERROR, path, message, fix, 0);
    }

    public static Problem warning(String path, String message, String fix) {
        return new Problem(Severity.WARNING, path, message, fix, 0);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        String where = line > 0 ? "line " + line + ": " + path : path;
        String text = where + ": " + shortenValues(message);
        return fix == null || fix.isBlank() ? text : text + " — " + shortenValues(fix);
    }

    /** {@code text} with every value longer than {@link #MAX_VALUE} characters cut to its start and its length. */
    public static String shortenValues(String text) {
        if (text == null || text.length() <= MAX_VALUE) {
            return text;
        }
        Matcher m = LONG_VALUE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            boolean quoted = m.group(1) != null;
            String value = quoted ? m.group(1) : m.group(2);
            String shown = value.substring(0, KEPT) + "…";
            String replacement = (quoted ? "\"" + shown + "\"" : shown) + " (" + value.length() + " characters)";
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
