package io.veroforge.api.v1alpha1;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** What a role may do with one entity (or with every entity, for {@code *}). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class PermissionSpec {
    /** Stands for every entity of the app. */
    public static final String ALL_ENTITIES = "*";

    @Required
    @Size(min = 1, max = 63)
    @Pattern("^([A-Za-z][A-Za-z0-9]*(_+[A-Za-z0-9]+)*_*|\\*)$")
    @JsonPropertyDescription("A declared entity name, or * for every entity.")
    private String entity;

    @Required
    @Size(min = 1, max = 4)
    @JsonPropertyDescription("Any of create, read, update, delete.")
    private List<CrudAction> actions = new ArrayList<>();

    @JsonPropertyDescription("Only rows the user created (or is assigned to) — enforced by a row-level security policy, not only in the UI.")
    private Boolean ownRowsOnly;

    public PermissionSpec() {
    }

    public PermissionSpec(String entity, List<CrudAction> actions) {
        this.entity = entity;
        setActions(actions);
    }

    public String getEntity() {
        return entity;
    }

    public void setEntity(String entity) {
        this.entity = entity;
    }

    public List<CrudAction> getActions() {
        return actions;
    }

    public void setActions(List<CrudAction> actions) {
        this.actions = actions == null ? new ArrayList<>() : actions;
    }

    public Boolean getOwnRowsOnly() {
        return ownRowsOnly;
    }

    public void setOwnRowsOnly(Boolean ownRowsOnly) {
        this.ownRowsOnly = ownRowsOnly;
    }
}
