package io.veroforge.console.writes;

/** A form value the resource model cannot even hold (an unknown enum value), named by its field. */
public final class DraftRefused extends IllegalArgumentException {
    private final transient FieldProblem problem;

    public DraftRefused(FieldProblem problem) {
        super(problem.field() + ": " + problem.message());
        this.problem = problem;
    }

    public FieldProblem problem() {
        return problem;
    }
}
