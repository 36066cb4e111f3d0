package io.veroforge.generator.input;

import java.util.List;

/**
 * An entity as written; one with only a name is filled from the ontology.
 *
 * @param ontologyDefaults whether the ontology's fields and relations for this entity are added:
 *                         null = only when the entity declares no fields (a declared entity is
 *                         exactly what it says, the defaults are only suggested), true = always,
 *                         false = never
 */
public record EntityInput(String name, String description, List<FieldInput> fields, List<RelationInput> relations,
                          Boolean ontologyDefaults) {
    public EntityInput {
        fields = Lists.orEmpty(fields);
        relations = Lists.orEmpty(relations);
    }

    public EntityInput(String name, String description, List<FieldInput> fields, List<RelationInput> relations) {
        this(name, description, fields, relations, null);
    }

    public boolean sparse() {
        return fields.isEmpty() && relations.isEmpty();
    }

    /** Whether the resolver adds the ontology's defaults (see {@code ontologyDefaults}). */
    public boolean takesOntologyDefaults() {
        return ontologyDefaults != null ? ontologyDefaults : fields.isEmpty();
    }
}
