package io.veroforge.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * One step of a workflow. Parameters are a small typed set rather than a free-form map so that the
 * API server can say which one is missing; each action type uses the subset named in its rule.
 * Text parameters may use {@code {{field}}} placeholders for values of the triggering row.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@ValidationRule(value = "self.type != 'sendEmail' || (has(self.to) && (has(self.template) || has(self.message)))",
        message = "spec.workflows[].actions[]: sendEmail needs to and either template or message")
@ValidationRule(value = "self.type != 'callWebhook' || has(self.url)",
        message = "spec.workflows[].actions[].url: callWebhook needs an https:// url")
@ValidationRule(value = "self.type != 'setField' || (has(self.field) && has(self.value))",
        message = "spec.workflows[].actions[]: setField needs field and value")
@ValidationRule(value = "self.type != 'createEntity' || has(self.entity)",
        message = "spec.workflows[].actions[].entity: createEntity needs the name of the entity to create")
@ValidationRule(value = "self.type != 'notify' || has(self.message)",
        message = "spec.workflows[].actions[].message: notify needs a message")
public class WorkflowAction {

    @Required
    @JsonPropertyDescription("sendEmail, callWebhook, setField, createEntity or notify.")
    private WorkflowActionType type;

    @Size(max = 254)
    @JsonPropertyDescription("Recipient (sendEmail, notify): an e-mail address, role:<name>, or a field of the triggering row in braces, e.g. {{customer.email}}.")
    private String to;

    @Size(max = 63)
    @Pattern(NamePatterns.KEBAB_NAME)
    @JsonPropertyDescription("Name of an e-mail template of the template pack (sendEmail).")
    private String template;

    @Size(max = 2048)
    @Pattern(NamePatterns.HTTPS_URL)
    @JsonPropertyDescription("https:// endpoint that receives the triggering row as JSON (callWebhook).")
    private String url;

    @Size(max = 63)
    @Pattern(NamePatterns.FIELD_NAME)
    @JsonPropertyDescription("Field of the triggering row to set (setField).")
    private String field;

    @Size(max = 1024)
    @JsonPropertyDescription("Value to set (setField); may use {{field}} placeholders or now().")
    private String value;

    @Size(max = 63)
    @Pattern(NamePatterns.SPEC_ENTITY_NAME)
    @JsonPropertyDescription("Declared entity of which to create a row (createEntity).")
    private String entity;

    @Size(max = 2000)
    @JsonPropertyDescription("Text of an e-mail without template (sendEmail) or of a notification (notify).")
    private String message;

    public WorkflowActionType getType() {
        return type;
    }

    public void setType(WorkflowActionType type) {
        this.type = type;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getTemplate() {
        return template;
    }

    public void setTemplate(String template) {
        this.template = template;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getField() {
        return field;
    }

    public void setField(String field) {
        this.field = field;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }

    public String getEntity() {
        return entity;
    }

    public void setEntity(String entity) {
        this.entity = entity;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }
}
