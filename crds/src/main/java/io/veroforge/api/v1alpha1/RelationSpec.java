package io.veroforge.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** A link from the declaring entity to another declared entity. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@ValidationRule(value = "!(has(self.cascade) && self.cascade && self.kind in ['manyToOne', 'manyToMany'])",
        message = "spec.entities[].relations[].cascade: deleting one row would delete rows other rows still point to; cascade is allowed only on oneToOne and oneToMany relations")
public class RelationSpec {

    @Required
    @Size(min = 1, max = 63)
    @Pattern(NamePatterns.FIELD_NAME)
    @JsonPropertyDescription("camelCase name of the relation as seen from this entity, e.g. customer or visits.")
    private String name;

    @Required
    @JsonPropertyDescription("oneToOne, oneToMany, manyToOne or manyToMany, from this entity towards target.")
    private RelationKind kind;

    @Required
    @Size(min = 1, max = 63)
    @Pattern(NamePatterns.SPEC_ENTITY_NAME)
    @JsonPropertyDescription("Name of the related entity; it must be declared in spec.entities (a name alone is enough).")
    private String target;

    @JsonPropertyDescription("Every row must have a related row (a NOT NULL foreign key on the owning side).")
    private Boolean required;

    @JsonPropertyDescription("Deleting a row of this entity deletes its related rows (oneToOne and oneToMany only).")
    private Boolean cascade;

    public RelationSpec() {
    }

    public RelationSpec(String name, RelationKind kind, String target) {
        this.name = name;
        this.kind = kind;
        this.target = target;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public RelationKind getKind() {
        return kind;
    }

    public void setKind(RelationKind kind) {
        this.kind = kind;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public Boolean getRequired() {
        return required;
    }

    public void setRequired(Boolean required) {
        this.required = required;
    }

    public Boolean getCascade() {
        return cascade;
    }

    public void setCascade(Boolean cascade) {
        this.cascade = cascade;
    }
}
