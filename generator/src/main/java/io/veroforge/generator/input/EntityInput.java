package io.veroforge.generator.input;

import java.util.List;

/** An entity as written; one with only a name is filled from the ontology. */
public record EntityInput(String name, String description, List<FieldInput> fields, List<RelationInput> relations) {
    public EntityInput {
        fields = Lists.orEmpty(fields);
        relations = Lists.orEmpty(relations);
    }

    public boolean sparse() {
        return fields.isEmpty() && relations.isEmpty();
    }
}
