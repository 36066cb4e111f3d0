package io.veroforge.generator.migrate;

/**
 * One step of a {@link MigrationPlan}.
 *
 * @param description what the step does, for status and approval, e.g. {@code add column visits.notes};
 *     says when the step may fail on existing rows or what a safe plan chose instead
 * @param sql one or more statements (each ending in {@code ;}), run in the order given
 * @param destructive whether the step can lose data (drops, narrowing type changes): needs approval
 */
public record PlannedStep(String description, String sql, boolean destructive) {

    public PlannedStep {
        if (description == null || description.isBlank() || sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("a planned step needs a description and SQL");
        }
    }
}
