package io.veroforge.api.v1alpha1;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** Permission of a plugin over one of the tenant's entities; the plugin's API token carries exactly these. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class PluginScope {

    @Required
    @Size(min = 1, max = 63)
    @Pattern(NamePatterns.ENTITY_NAME)
    @JsonPropertyDescription("Entity of the tenant's app, e.g. Invoice.")
    private String entity;

    @Required
    @Size(min = 1, max = 4)
    @JsonPropertyDescription("Any of create, read, update, delete.")
    private List<CrudAction> actions = new ArrayList<>();

    public PluginScope() {
    }

    public PluginScope(String entity, List<CrudAction> actions) {
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
}
