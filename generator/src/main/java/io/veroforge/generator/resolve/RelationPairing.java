package io.veroforge.generator.resolve;

import io.veroforge.generator.model.Entity;
import io.veroforge.generator.model.Inflector;
import io.veroforge.generator.model.OnDelete;
import io.veroforge.generator.model.Origin;
import io.veroforge.generator.model.Relation;
import io.veroforge.generator.model.RelationKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes every relation two-sided, as Prisma requires: a declared side is paired with a matching
 * declared side on the target (first unpaired one, in declaration order) or gets a derived
 * inverse. Decides which side holds the foreign key and what deleting the parent does:
 * cascade when the parent side asks for it, restrict when the child requires its parent,
 * otherwise set null.
 */
final class RelationPairing {

    private RelationPairing() {
    }

    private static final class Side {
        Relation relation;
        String inverseName;
        boolean owning;
        OnDelete onDelete;

        Side(Relation relation) {
            this.relation = relation;
        }

        boolean paired() {
            return inverseName != null;
        }
    }

    static List<Entity> pair(List<Entity> entities) {
        Map<String, List<Side>> sides = new LinkedHashMap<>();
        for (Entity entity : entities) {
            sides.computeIfAbsent(entity.name(), k -> new ArrayList<>());
            for (Relation relation : entity.relations()) {
                sides.get(entity.name()).add(new Side(relation));
            }
        }
        Map<String, Set<String>> usedNames = new LinkedHashMap<>();
        for (Entity entity : entities) {
            Set<String> used = usedNames.computeIfAbsent(entity.name(), k -> new HashSet<>());
            entity.fields().forEach(f -> used.add(f.name()));
            entity.relations().forEach(r -> used.add(r.name()));
        }
        for (Entity entity : entities) {
            for (Side side : List.copyOf(sides.get(entity.name()))) {
                Relation r = side.relation;
                if (side.paired() || !sides.containsKey(r.target())) {
                    continue; // an unknown target is the validator's to report
                }
                Side partner = sides.get(r.target()).stream()
                        .filter(s -> s != side && !s.paired() && s.relation.target().equals(entity.name())
                                && s.relation.kind() == r.kind().inverse())
                        .findFirst().orElse(null);
                if (partner == null) {
                    String name = inverseName(entity, r, usedNames.get(r.target()));
                    usedNames.get(r.target()).add(name);
                    Relation derived = new Relation(r.target(), name, r.kind().inverse(), entity.name(), false, false, null, false, null,
                            Origin.derived("inverse of " + entity.name() + "." + r.name()), r.path());
                    partner = new Side(derived);
                    sides.get(r.target()).add(partner);
                }
                link(side, partner);
            }
        }
        List<Entity> paired = new ArrayList<>();
        for (Entity entity : entities) {
            paired.add(entity.withRelations(sides.get(entity.name()).stream()
                    .map(s -> s.paired() ? s.relation.withInverse(s.inverseName, s.owning, s.onDelete) : s.relation)
                    .toList()));
        }
        return paired;
    }

    private static void link(Side a, Side b) {
        a.inverseName = b.relation.name();
        b.inverseName = a.relation.name();
        Side owner = switch (a.relation.kind()) {
            case MANY_TO_ONE -> a;
            case ONE_TO_MANY -> b;
            case MANY_TO_MANY -> null;
            // the side that cascades is the parent, so the other side holds the key; otherwise the declared side does
            case ONE_TO_ONE -> a.relation.cascade() ? b : a;
        };
        if (owner != null) {
            Side parent = owner == a ? b : a;
            owner.owning = true;
            owner.onDelete = parent.relation.cascade() ? OnDelete.CASCADE : owner.relation.required() ? OnDelete.RESTRICT : OnDelete.SET_NULL;
        }
    }

    /** {@code jobs} on Technician for Job.technician; {@code jobsAsOrigin} when Job has several relations to it or to itself. */
    private static String inverseName(Entity source, Relation relation, Set<String> usedOnTarget) {
        String base = relation.kind().inverse().toMany()
                ? Inflector.pluralCamel(source.name()) : Inflector.camel(source.name());
        long sameTarget = source.relations().stream().filter(r -> r.target().equals(relation.target())).count();
        boolean ambiguous = sameTarget > 1 || source.name().equals(relation.target()) || usedOnTarget.contains(base);
        String name = ambiguous ? base + "As" + Inflector.pascal(relation.name()) : base;
        String unique = name;
        for (int n = 2; usedOnTarget.contains(unique); n++) {
            unique = name + n;
        }
        return unique;
    }
}
