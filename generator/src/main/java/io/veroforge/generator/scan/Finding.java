package io.veroforge.generator.scan;

/**
 * One problem in the generated code. Messages never quote a secret's value.
 *
 * @param rule a kebab-case rule id ({@code missing-rls}, {@code sql-injection}, …)
 * @param file repository-relative path
 * @param line 1-based line, 0 when the finding is about the whole file or a missing file
 */
public record Finding(FindingSeverity severity, String rule, String file, int line, String message, String fix) {

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + severity.keyword() + " [" + rule + "] " + message + " — " + fix;
    }
}
