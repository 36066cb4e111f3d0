package io.veroforge.console.apps;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.Condition;
import io.veroforge.api.v1alpha1.AppSpec;
import io.veroforge.console.writes.FieldProblem;

/**
 * The validation problems and warnings the AppSpec reconciler reported, each at its field. The reconciler writes
 * problems into the Resolved condition ({@code InvalidSpec}: "2 problems: entities[0].name: … — fix; …") and
 * warnings into {@code status.warnings}, each as {@code [line N: ]path: message — fix} with the path relative to
 * {@code spec}; this reads that format back. Text that does not start with a path stays whole, at no field.
 */
public record AppSpecProblems(List<FieldProblem> problems, List<FieldProblem> warnings) {
    static final String INVALID_SPEC = "InvalidSpec";
    private static final Pattern COUNT = Pattern.compile("^\\d+ (problem|warning)s?: ");
    private static final Pattern PATH = Pattern.compile("^(?:line \\d+: )?([A-Za-z][A-Za-z0-9_.\\[\\]-]*): (.+)$", Pattern.DOTALL);
    /** Where status.warnings are summed up in the Resolved message, after the model summary. */
    private static final String ALL_IN_WARNINGS = " (all in status.warnings)";

    public static AppSpecProblems of(AppSpec app) {
        if (app.getStatus() == null) {
            return new AppSpecProblems(List.of(), List.of());
        }
        List<FieldProblem> problems = app.getStatus().condition("Resolved")
                .filter(c -> INVALID_SPEC.equals(c.getReason()))
                .map(Condition::getMessage).map(AppSpecProblems::listed).orElse(List.of());
        List<FieldProblem> warnings = app.getStatus().getWarnings().stream().map(AppSpecProblems::atField).toList();
        return new AppSpecProblems(problems, warnings);
    }

    /** "N problems: a; b; … and K more" into its problems; the count of those cut off stays as the last one. */
    static List<FieldProblem> listed(String message) {
        if (message == null || message.isBlank()) {
            return List.of();
        }
        String body = COUNT.matcher(message).replaceFirst("");
        if (body.endsWith(ALL_IN_WARNINGS)) {
            body = body.substring(0, body.length() - ALL_IN_WARNINGS.length());
        }
        List<FieldProblem> problems = new ArrayList<>();
        for (String part : body.split("; (?=(?:line \\d+: )?[A-Za-z][A-Za-z0-9_.\\[\\]-]*: |… and \\d+ more$)")) {
            problems.add(atField(part));
        }
        return problems;
    }

    /** One problem; its path is made absolute ({@code spec.…}, {@code metadata.…} as written). */
    static FieldProblem atField(String problem) {
        Matcher m = PATH.matcher(problem.strip());
        if (!m.matches()) {
            return new FieldProblem("", problem.strip());
        }
        String path = m.group(1);
        String field = path.startsWith("spec") || path.startsWith("metadata") ? path : "spec." + path;
        return new FieldProblem(field, m.group(2));
    }
}
