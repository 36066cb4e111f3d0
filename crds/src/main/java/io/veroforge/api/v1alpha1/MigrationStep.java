package io.veroforge.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One statement of a database migration, flagged when it can lose data. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MigrationStep {
    /** What the step does, e.g. "add column visits.notes". */
    private String description;
    /** Plans recorded before {@link MigrationPlan#getCompressedSql()}: this step's SQL; now unset. */
    private String sql;
    /** Drops or narrows a table or column: data may be lost. Makes the Generation risky. */
    private Boolean destructive;
    /** When the step may run during a canary; unset in plans recorded before expand/contract (then: InPlace if destructive, else Expand). */
    private MigrationPhase phase;

    public MigrationStep() {
    }

    public MigrationStep(String description, String sql, Boolean destructive) {
        this.description = description;
        this.sql = sql;
        this.destructive = destructive;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getSql() {
        return sql;
    }

    public void setSql(String sql) {
        this.sql = sql;
    }

    public MigrationPhase getPhase() {
        return phase;
    }

    public void setPhase(MigrationPhase phase) {
        this.phase = phase;
    }

    /** The recorded phase, or for older plans the one their destructive flag implies. */
    public MigrationPhase phaseOrDerived() {
        return phase != null ? phase : Boolean.TRUE.equals(destructive) ? MigrationPhase.InPlace : MigrationPhase.Expand;
    }

    public Boolean getDestructive() {
        return destructive;
    }

    public void setDestructive(Boolean destructive) {
        this.destructive = destructive;
    }
}
