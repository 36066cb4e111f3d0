package io.veroforge.generator.model;

/**
 * One problem with an AppSpec: where ({@code path}, plus the YAML line when known), what is
 * wrong, and how to fix it. Rendered as
 * {@code entities[2].relations[0].target: unknown entity "Techician" — did you mean "Technician"?}
 *
 * @param line 1-based YAML line, 0 when unknown (problems found after parsing)
 */
public record Problem(Severity severity, String path, String message, String fix, int line) {

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
        String text = where + ": " + message;
        return fix == null || fix.isBlank() ? text : text + " — " + fix;
    }
}
