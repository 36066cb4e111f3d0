package io.veroforge.generator.migrate;

import io.veroforge.generator.literal.CommentText;
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

    /** The steps of one phase, in plan order. */
    public List<PlannedStep> stepsIn(PlannedStep.Phase phase) {
        return steps.stream().filter(s -> s.phase() == phase).toList();
    }

    /**
     * The plan as a canary runs it: the expand steps before the canary starts, the contract steps after
     * promotion. Plan order is kept within each part; a plan with in-place steps cannot be split.
     */
    public ExpandContract expandContract() {
        return new ExpandContract(new MigrationPlan(stepsIn(PlannedStep.Phase.EXPAND)),
                new MigrationPlan(stepsIn(PlannedStep.Phase.CONTRACT)), stepsIn(PlannedStep.Phase.IN_PLACE));
    }

    /** The whole plan as one script, each step under a comment with its description. */
    public String script() {
        return steps.stream().map(s -> "-- " + CommentText.of(s.description()) + (s.destructive() ? " [destructive]" : "") + "\n" + s.sql().strip() + "\n")
                .collect(Collectors.joining("\n"));
    }
}
