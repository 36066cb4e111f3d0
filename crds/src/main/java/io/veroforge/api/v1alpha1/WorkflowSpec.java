package io.veroforge.api.v1alpha1;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** Automation of the generated app: when the trigger fires, the actions run in order. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class WorkflowSpec {

    @Required
    @Size(min = 1, max = 63)
    @Pattern(NamePatterns.KEBAB_NAME)
    @JsonPropertyDescription("Lower-case name, e.g. confirm-visit.")
    private String name;

    @Size(max = 500)
    @JsonPropertyDescription("What the workflow is for.")
    private String description;

    @Required
    @JsonPropertyDescription("What starts the workflow.")
    private WorkflowTrigger trigger;

    @Required
    @Size(min = 1, max = 10)
    @JsonPropertyDescription("Steps run in order; a failing step stops the run and is retried with backoff.")
    private List<WorkflowAction> actions = new ArrayList<>();

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public WorkflowTrigger getTrigger() {
        return trigger;
    }

    public void setTrigger(WorkflowTrigger trigger) {
        this.trigger = trigger;
    }

    public List<WorkflowAction> getActions() {
        return actions;
    }

    public void setActions(List<WorkflowAction> actions) {
        this.actions = actions == null ? new ArrayList<>() : actions;
    }
}
