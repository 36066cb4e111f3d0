package io.veroforge.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** What starts a workflow: a change to an entity's rows, or a schedule. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@ValidationRule(value = "self.type == 'schedule' || has(self.entity)",
        message = "spec.workflows[].trigger.entity: required for entityCreated, entityUpdated and fieldChanged triggers; name the entity whose rows start the workflow")
@ValidationRule(value = "self.type != 'schedule' || has(self.schedule)",
        message = "spec.workflows[].trigger.schedule: a schedule trigger needs a cron expression, e.g. '0 7 * * 1-5'")
@ValidationRule(value = "self.type == 'schedule' || !has(self.schedule)",
        message = "spec.workflows[].trigger.schedule: applies only to type schedule; remove it or set type: schedule")
@ValidationRule(value = "self.type != 'fieldChanged' || has(self.field)",
        message = "spec.workflows[].trigger.field: a fieldChanged trigger needs the name of the field to watch")
@ValidationRule(value = "self.type == 'fieldChanged' || !has(self.field)",
        message = "spec.workflows[].trigger.field: applies only to type fieldChanged; remove it or set type: fieldChanged")
@ValidationRule(value = "self.type == 'fieldChanged' || !has(self.value)",
        message = "spec.workflows[].trigger.value: applies only to type fieldChanged; remove it or set type: fieldChanged")
public class WorkflowTrigger {

    @Required
    @JsonPropertyDescription("entityCreated, entityUpdated, fieldChanged or schedule.")
    private TriggerType type;

    @Size(max = 63)
    @Pattern(NamePatterns.SPEC_ENTITY_NAME)
    @JsonPropertyDescription("The declared entity whose rows start the workflow (optional for schedule: then the workflow runs once per row).")
    private String entity;

    @Size(max = 63)
    @Pattern(NamePatterns.FIELD_NAME)
    @JsonPropertyDescription("The field whose change starts a fieldChanged workflow.")
    private String field;

    @Size(max = 256)
    @JsonPropertyDescription("fieldChanged only: start the workflow only when field changes to this value (e.g. completed). Unset: on any change.")
    private String value;

    @Size(max = 100)
    @Pattern(NamePatterns.CRON)
    @JsonPropertyDescription("Cron expression (five fields, in the tenant's time zone) or @hourly, @daily, @weekly, @monthly, @yearly.")
    private String schedule;

    public TriggerType getType() {
        return type;
    }

    public void setType(TriggerType type) {
        this.type = type;
    }

    public String getEntity() {
        return entity;
    }

    public void setEntity(String entity) {
        this.entity = entity;
    }

    public String getField() {
        return field;
    }

    public void setField(String field) {
        this.field = field;
    }

    public String getSchedule() {
        return schedule;
    }

    public void setSchedule(String schedule) {
        this.schedule = schedule;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }
}
