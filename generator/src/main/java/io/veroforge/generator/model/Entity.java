package io.veroforge.generator.model;

import java.util.List;
import java.util.Optional;

/**
 * An entity of the resolved model.
 *
 * @param concept    the universal ontology concept it maps to ({@code customer}, {@code order}, …), or null
 * @param ownerField the column that {@code ownRowsOnly} permissions compare with the current user, or null
 * @param description what the entity represents (AppSpec or ontology), for UI help text and gap-filling context; may be null
 */
public record Entity(
        String name,
        String concept,
        EntityNames names,
        List<Field> fields,
        List<Relation> relations,
        EntityCompliance compliance,
        String ownerField,
        Origin origin,
        String path,
        String description) {

    public Entity {
        fields = List.copyOf(fields);
        relations = List.copyOf(relations);
    }

    public Optional<Field> field(String fieldName) {
        return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
    }

    public Optional<Relation> relation(String relationName) {
        return relations.stream().filter(r -> r.name().equals(relationName)).findFirst();
    }

    public boolean holds(Marker marker) {
        return fields.stream().anyMatch(f -> f.has(marker));
    }

    public Entity withFields(List<Field> newFields) {
        return new Entity(name, concept, names, newFields, relations, compliance, ownerField, origin, path, description);
    }

    public Entity withRelations(List<Relation> newRelations) {
        return new Entity(name, concept, names, fields, newRelations, compliance, ownerField, origin, path, description);
    }

    public Entity withCompliance(EntityCompliance newCompliance) {
        return new Entity(name, concept, names, fields, relations, newCompliance, ownerField, origin, path, description);
    }

    public Entity withOwnerField(String newOwnerField) {
        return new Entity(name, concept, names, fields, relations, compliance, newOwnerField, origin, path, description);
    }
}
