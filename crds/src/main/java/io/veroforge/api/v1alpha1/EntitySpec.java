package io.veroforge.api.v1alpha1;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * A business object of the app: a table with row-level security, an API resource and UI pages.
 * A name alone is a valid entity; the resolver fills in the fields the vertical's ontology knows.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@ValidationRule(value = "!has(self.fields) || self.fields.all(f, self.fields.exists_one(g, g.name == f.name))",
        message = "spec.entities[].fields[].name: field names must be unique within an entity; rename or remove the duplicate")
@ValidationRule(value = "!has(self.relations) || self.relations.all(r, self.relations.exists_one(s, s.name == r.name))",
        message = "spec.entities[].relations[].name: relation names must be unique within an entity; rename or remove the duplicate")
@ValidationRule(value = "!has(self.fields) || !has(self.relations) || self.relations.all(r, !self.fields.exists(f, f.name == r.name))",
        message = "spec.entities[].relations[].name: a relation may not have the name of a field of the same entity; rename one of them")
public class EntitySpec {

    @Required
    @Size(min = 1, max = 63)
    @Pattern(NamePatterns.SPEC_ENTITY_NAME)
    @JsonPropertyDescription("PascalCase singular name, e.g. ServiceVisit; the table is its snake_case form. A snake_case name "
            + "(service_visit, pasted from a database) is accepted and mapped to PascalCase, with a warning.")
    private String name;

    @Size(max = 500)
    @JsonPropertyDescription("What the entity represents; shown in the UI and given to the AI as context.")
    private String description;

    @Size(max = 60)
    @JsonPropertyDescription("Typed fields. Leave out to let the resolver infer them from the vertical and the requirements.")
    private List<FieldSpec> fields = new ArrayList<>();

    @Size(max = 20)
    @JsonPropertyDescription("Relations to other declared entities.")
    private List<RelationSpec> relations = new ArrayList<>();

    @JsonPropertyDescription("Whether the ontology's fields and relations for this entity are added. Unset: only when the entity "
            + "declares no fields (an entity with fields is exactly what it declares; explain lists the ontology's suggestions). "
            + "true: add them to the declared ones. false: never.")
    private Boolean ontologyDefaults;

    public EntitySpec() {
    }

    public EntitySpec(String name) {
        this.name = name;
    }

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

    public List<FieldSpec> getFields() {
        return fields;
    }

    public void setFields(List<FieldSpec> fields) {
        this.fields = fields == null ? new ArrayList<>() : fields;
    }

    public Boolean getOntologyDefaults() {
        return ontologyDefaults;
    }

    public void setOntologyDefaults(Boolean ontologyDefaults) {
        this.ontologyDefaults = ontologyDefaults;
    }

    public List<RelationSpec> getRelations() {
        return relations;
    }

    public void setRelations(List<RelationSpec> relations) {
        this.relations = relations == null ? new ArrayList<>() : relations;
    }
}
