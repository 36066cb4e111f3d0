package io.veroforge.generator.migrate;

import java.util.List;
import java.util.stream.Collectors;

/** The ordered steps that take a deployed schema to the next generation's; empty when nothing changes. */
public record MigrationPlan(List<PlannedStep> steps) {

    public MigrationPlan {
        steps = List.copyOf(steps);
    }

    /** Whether any step can lose data: then the plan needs approval before it is applied. */
    public boolean destructive() {
        return steps.stream().anyMatch(PlannedStep::destructive);
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    public List<PlannedStep> destructiveSteps() {
        return steps.stream().filter(PlannedStep::destructive).toList();
    }

    /** The whole plan as one script, each step under a comment with its description. */
    public String script() {
        return steps.stream().map(s -> "-- " + s.description() + (s.destructive() ? " [destructive]" : "") + "\n" + s.sql().strip() + "\n")
                .collect(Collectors.joining("\n"));
    }
}
