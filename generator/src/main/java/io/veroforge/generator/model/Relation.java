package io.veroforge.generator.model;

import java.util.stream.Stream;

/**
 * One side of a relation between two entities. The resolver pairs both sides (adding a derived
 * inverse when only one was written) so that Prisma's two-sided relations can be generated.
 *
 * @param owning   whether this side's table holds the foreign key (many-to-one, and the declared
 *                 side of a one-to-one); never true for many-to-many, which uses {@link #joinTable()}
 * @param onDelete what deleting the referenced row does to this side's rows (owning side only)
 */
public record Relation(
        String entity,
        String name,
        RelationKind kind,
        String target,
        boolean required,
        boolean cascade,
        String inverseName,
        boolean owning,
        OnDelete onDelete,
        Origin origin,
        String path) {

    /** Foreign key column on the owning side, e.g. {@code technician → technician_id}. */
    public String foreignKeyColumn() {
        return owning ? Inflector.snake(name) + "_id" : null;
    }

    /** Join table of a many-to-many, the same from both sides: both tables in alphabetical order. */
    public String joinTable() {
        if (kind != RelationKind.MANY_TO_MANY) {
            return null;
        }
        String a = EntityNames.of(entity).table();
        String b = EntityNames.of(target).table();
        return Stream.of(a, b).sorted().reduce((x, y) -> x + "_" + y).orElseThrow();
    }

    /** Prisma {@code @relation("...")} name, identical on both sides. */
    public String relationName() {
        String ownerSide = owning || (kind == RelationKind.MANY_TO_MANY && entity.compareTo(target) <= 0)
                ? Inflector.pascal(entity) + Inflector.pascal(name)
                : Inflector.pascal(target) + Inflector.pascal(inverseName);
        return ownerSide;
    }

    public Relation withInverse(String newInverseName, boolean newOwning, OnDelete newOnDelete) {
        return new Relation(entity, name, kind, target, required, cascade, newInverseName, newOwning, newOnDelete, origin, path);
    }
}
