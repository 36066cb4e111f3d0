package io.veroforge.generator.ontology;

import io.veroforge.generator.input.FieldInput;
import io.veroforge.generator.input.RelationInput;
import java.util.List;

/**
 * A concept every industry has (customer, order, employee, …) with its default fields and relations.
 * Relation targets here are concept names, resolved to whichever app entity maps to the concept.
 *
 * @param dataSubject rows describe a person, so GDPR export/erase and consent apply
 */
public record UniversalEntity(String concept, String name, boolean dataSubject, List<FieldInput> fields,
                              List<RelationInput> relations) {
    public UniversalEntity {
        fields = fields == null ? List.of() : List.copyOf(fields);
        relations = relations == null ? List.of() : List.copyOf(relations);
    }
}
