package io.veroforge.generator.ontology;

import io.veroforge.generator.input.FieldInput;
import io.veroforge.generator.input.RelationInput;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One word of an industry (a field-service "Job", a clinic's "Patient") and what it means.
 *
 * @param concept  the universal entity it specialises, or null for an entity only this vertical has
 * @param aliases  other names users give it; an AppSpec entity with an alias gets this term's defaults
 * @param renames  the vertical's name for universal fields/relations ({@code customer: patient})
 * @param fields   fields added to (or replacing, by name) the concept's defaults
 */
public record VerticalTerm(String name, String concept, List<String> aliases, Map<String, String> renames,
                           List<FieldInput> fields, List<RelationInput> relations) {
    public VerticalTerm {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        renames = renames == null ? Map.of() : new TreeMap<>(renames);
        fields = fields == null ? List.of() : List.copyOf(fields);
        relations = relations == null ? List.of() : List.copyOf(relations);
    }

    public boolean answersTo(String entityName) {
        return name.equalsIgnoreCase(entityName) || aliases.stream().anyMatch(a -> a.equalsIgnoreCase(entityName));
    }

    /** The vertical's name for a universal field or relation. */
    public String rename(String universalName) {
        return renames.getOrDefault(universalName, universalName);
    }
}
