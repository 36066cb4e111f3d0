package io.veroforge.generator.resolve;

import io.veroforge.generator.input.FieldInput;
import io.veroforge.generator.model.Entity;
import io.veroforge.generator.model.Field;
import io.veroforge.generator.model.Origin;
import io.veroforge.generator.model.Relation;
import io.veroforge.generator.model.RelationKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives an entity that nothing can be written to a required {@code name} text field. Such an
 * entity (a sparse {@code Locker} that matches no ontology entity, or one whose only relations
 * are the parent side of one-to-many) would otherwise get a create body with no property at all:
 * an API a user cannot fill from a form, rows nobody can tell apart in a relation picker, and a
 * DTO the scanner rightly rejects late, at the scan stage. A name is what a person writing just
 * the entity's name expects (the universal ontology gives one to every entity a user names), and
 * the field's origin says why it is there, so {@code explain} shows it.
 */
final class NameFieldDefault {

    static final String FIELD = "name";
    /** The universal ontology's name field (Customer, Product): the same type, length and search. */
    private static final FieldInput NAME = new FieldInput(FIELD, "string", null, true, null, null, null, null, 200, null, null,
            List.of("searchable"));

    private NameFieldDefault() {
    }

    /** The entities, each one with nothing writable given the name field (call after relation pairing). */
    static List<Entity> addWhereNothingIsWritable(List<Entity> entities) {
        List<Entity> out = new ArrayList<>(entities.size());
        for (Entity e : entities) {
            out.add(writable(e) || e.relation(FIELD).isPresent() ? e : withName(e));
        }
        return out;
    }

    /** Whether a create body has a property: a field, a foreign key, or the ids of a many-to-many. */
    static boolean writable(Entity e) {
        return !e.fields().isEmpty() || e.relations().stream().anyMatch(NameFieldDefault::writable);
    }

    private static boolean writable(Relation r) {
        return r.owning() || r.kind() == RelationKind.MANY_TO_MANY;
    }

    private static Entity withName(Entity e) {
        Origin origin = Origin.derived(e.name() + " declares no fields and matches no ontology entity: a required name,"
                + " so its rows can be created and told apart (declare fields to choose your own)");
        Field name = ModelElements.field(e.name(), NAME, FIELD, origin, e.path() + ".fields[" + FIELD + "]").orElseThrow();
        return e.withFields(List.of(name));
    }
}
