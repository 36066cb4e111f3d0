package io.veroforge.generator.migrate;

/**
 * One step of a {@link MigrationPlan}.
 *
 * @param description what the step does, for status and approval, e.g. {@code add column visits.notes};
 *     says when the step may fail on existing rows or what a safe plan chose instead
 * @param sql one or more statements (each ending in {@code ;}), run in the order given
 * @param destructive whether the step can lose data (drops, narrowing type changes): needs approval
 * @param phase when the step may run while the serving revision and the next one both use the schema
 */
public record PlannedStep(String description, String sql, boolean destructive, Phase phase) {

    /**
     * Expand/contract, as a canary needs it: during a canary the stable revision and the canary both
     * read and write the same schema, so a step either keeps the stable revision working (expand, run
     * before the canary starts), or is needed only once the stable revision is gone (contract, run after
     * promotion), or breaks one revision whichever moment it runs (in place: such a plan cannot canary).
     */
    public enum Phase {
        /** Additive or loosening: both revisions work after it. */
        EXPAND,
        /** Removes what only the old revision uses, or tightens what only the old revision could break. */
        CONTRACT,
        /** Changes something both revisions use in a way only the new one understands (a narrowing type change, a re-created column). */
        IN_PLACE
    }

    public PlannedStep {
        if (description == null || description.isBlank() || sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("a planned step needs a description and SQL");
        }
        if (phase == null) {
            throw new IllegalArgumentException("a planned step needs a phase");
        }
    }

    /** A step whose phase follows from what it does to data: destructive steps in place, others expand. */
    public PlannedStep(String description, String sql, boolean destructive) {
        this(description, sql, destructive, destructive ? Phase.IN_PLACE : Phase.EXPAND);
    }
}
