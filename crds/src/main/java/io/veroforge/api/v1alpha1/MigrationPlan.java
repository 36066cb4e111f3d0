package io.veroforge.api.v1alpha1;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The database changes a Generation will apply, shown before approval: each step's description and
 * whether it can lose data. The SQL grows with the model (0.36 MB for 300 new tables), so it is
 * kept compressed in {@code compressedSql}, one string per step; plans recorded before kept it in
 * each step's {@code sql}. {@link #sqlOfSteps()} reads either.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MigrationPlan {
    private List<MigrationStep> steps = new ArrayList<>();
    /** The deployed Generation the plan starts from; unset: an empty schema (the app's first deployment). */
    private String from;
    /** The app's schema the steps apply to. */
    private String schema;
    /** Base64 of the gzip of a JSON array: the SQL of each step, in order. */
    private String compressedSql;
    /**
     * Generations after {@code from} that migrated this schema but never served (a canary rolled back
     * after its expand part, a run that failed after Migrate): the plan starts from the schema they left.
     */
    private List<String> unservedMigrations;
    /** Steps from {@code from}'s model that an unserved Generation already applied to the schema: not applied again. */
    private List<String> alreadyApplied;
    /**
     * Base64 of the gzip of a JSON array: the SQL of expand steps rolled-back canaries left in the schema
     * that this Generation's model does not include (say a column only the aborted canary added). Once this
     * Generation serves, the next plan starts from its model and still knows they are there, so a later model
     * adding the same column again skips the step instead of failing with "already exists".
     */
    private String compressedLeftoverSql;
    /** Set by the Migrate stage when it applied only the expand steps (a canary); the contract steps wait for promotion. */
    private Boolean expandOnly;

    public String getCompressedLeftoverSql() {
        return compressedLeftoverSql;
    }

    public void setCompressedLeftoverSql(String compressedLeftoverSql) {
        this.compressedLeftoverSql = compressedLeftoverSql;
    }

    /** The SQL of {@code compressedLeftoverSql}; empty when there is none. */
    public List<String> leftoverSql() {
        List<String> sql = new ArrayList<>();
        if (compressedLeftoverSql != null) {
            CompressedJson.decode(compressedLeftoverSql).forEach(s -> sql.add(s.asText()));
        }
        return sql;
    }

    /** Whether any step can lose data. */
    @JsonIgnore
    public boolean isDestructive() {
        return steps.stream().anyMatch(s -> Boolean.TRUE.equals(s.getDestructive()));
    }

    /** The SQL of each step, in order. */
    public List<String> sqlOfSteps() {
        if (compressedSql == null) {
            return steps.stream().map(MigrationStep::getSql).toList();
        }
        List<String> sql = new ArrayList<>();
        CompressedJson.decode(compressedSql).forEach(s -> sql.add(s.asText()));
        if (sql.size() != steps.size()) {
            throw new IllegalStateException("status.migrationPlan.compressedSql has " + sql.size() + " statements for " + steps.size() + " steps");
        }
        return sql;
    }

    public String getCompressedSql() {
        return compressedSql;
    }

    public void setCompressedSql(String compressedSql) {
        this.compressedSql = compressedSql;
    }

    public List<MigrationStep> getSteps() {
        return steps;
    }

    public void setSteps(List<MigrationStep> steps) {
        this.steps = steps == null ? new ArrayList<>() : steps;
    }

    public List<String> getUnservedMigrations() {
        return unservedMigrations;
    }

    public void setUnservedMigrations(List<String> unservedMigrations) {
        this.unservedMigrations = unservedMigrations;
    }

    public List<String> getAlreadyApplied() {
        return alreadyApplied;
    }

    public void setAlreadyApplied(List<String> alreadyApplied) {
        this.alreadyApplied = alreadyApplied;
    }

    public Boolean getExpandOnly() {
        return expandOnly;
    }

    public void setExpandOnly(Boolean expandOnly) {
        this.expandOnly = expandOnly;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getSchema() {
        return schema;
    }

    public void setSchema(String schema) {
        this.schema = schema;
    }
}
