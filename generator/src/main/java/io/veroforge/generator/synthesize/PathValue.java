package io.veroforge.generator.synthesize;

import io.veroforge.generator.model.Entity;
import io.veroforge.generator.model.EntityNames;
import io.veroforge.generator.model.Field;
import io.veroforge.generator.model.FieldType;
import io.veroforge.generator.model.Inflector;
import io.veroforge.generator.model.Relation;
import io.veroforge.generator.model.ResolvedModel;
import java.util.List;
import java.util.Optional;

/**
 * A {@code {{a.b.field}}} placeholder of a workflow as one TypeScript expression over the
 * triggering {@code row} (inside the workflow's transaction {@code tx}), as text: a field of the
 * row is read directly, a path through relations is one Prisma query with nested selects. Paths
 * the validator refuses (lists, unknown names, encrypted values) never get here; if one did, it
 * is empty.
 */
final class PathValue {

    private PathValue() {
    }

    /**
     * A path resolved: the TypeScript {@code expression} of its value, and for a path through
     * relations the {@code variable} a statement before the actions declares with it.
     */
    record Resolved(String path, String expression, Field field, String variable) {

        /** The statement declaring the variable, or null for a field of the row itself. */
        String declaration() {
            return variable == null ? null : "const " + variable + " = " + expression + ";";
        }

        private String value() {
            return variable == null ? expression : variable;
        }

        /** The value as text ({@code ''} when a relation on the way is empty). */
        String text() {
            return field.type() == FieldType.DATE ? "asDay(" + value() + ")" : "asText(" + value() + ")";
        }

        /** The value as an e-mail recipient: the text, or null when empty. */
        String recipient() {
            return "orNull(" + text() + ")";
        }
    }

    /** The path resolved from the trigger's row, or empty when it does not resolve. */
    static Optional<Resolved> of(String path, Entity trigger, ResolvedModel model) {
        return resolve(path, trigger, model);
    }

    private static Optional<Resolved> resolve(String path, Entity trigger, ResolvedModel model) {
        List<String> segments = List.of(path.trim().split("\\."));
        Entity at = trigger;
        StringBuilder select = new StringBuilder();
        StringBuilder access = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < segments.size() - 1; i++) {
            Optional<Relation> relation = at.relation(segments.get(i)).filter(r -> !r.kind().toMany());
            if (relation.isEmpty()) {
                return Optional.empty();
            }
            Optional<Entity> next = model.entity(relation.get().target());
            if (next.isEmpty()) {
                return Optional.empty();
            }
            select.append(relation.get().name()).append(": { select: { ");
            access.append("?.").append(relation.get().name());
            depth++;
            at = next.get();
        }
        Optional<Field> field = at.field(segments.get(segments.size() - 1));
        if (field.isEmpty()) {
            return Optional.empty();
        }
        String property = Inflector.camel(field.get().column());
        if (depth == 0) {
            return Optional.of(new Resolved(path, "row?." + property, field.get(), null));
        }
        select.append(property).append(": true");
        select.append(" } }".repeat(depth));
        String query = "(row ? await tx." + EntityNames.of(trigger.name()).camel() + ".findUnique({ where: { id: row.id }, select: { "
                + select + " } }) : null)";
        return Optional.of(new Resolved(path, query + access + "?." + property + " ?? null", field.get(),
                Inflector.camel(String.join("-", segments))));
    }
}
