package io.veroforge.api.v1alpha1;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/** The database changes a Generation will apply, shown before approval. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MigrationPlan {
    private List<MigrationStep> steps = new ArrayList<>();
    /** The deployed Generation the plan starts from; unset: an empty schema (the app's first deployment). */
    private String from;
    /** The app's schema the steps apply to. */
    private String schema;

    /** Whether any step can lose data. */
    @JsonIgnore
    public boolean isDestructive() {
        return steps.stream().anyMatch(s -> Boolean.TRUE.equals(s.getDestructive()));
    }

    public List<MigrationStep> getSteps() {
        return steps;
    }

    public void setSteps(List<MigrationStep> steps) {
        this.steps = steps == null ? new ArrayList<>() : steps;
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
