package io.veroforge.generator.analyze;

import io.veroforge.generator.input.ActionInput;
import io.veroforge.generator.input.AppSpecInput;
import io.veroforge.generator.input.EntityInput;
import io.veroforge.generator.input.FieldInput;
import io.veroforge.generator.input.PageInput;
import io.veroforge.generator.input.PermissionInput;
import io.veroforge.generator.input.RelationInput;
import io.veroforge.generator.input.RoleInput;
import io.veroforge.generator.input.TriggerInput;
import io.veroforge.generator.input.WorkflowInput;
import io.veroforge.generator.model.Inflector;
import io.veroforge.generator.model.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Accepts entity, field and relation names written in snake_case (pasted from a database), and
 * field/relation names in PascalCase:
 * {@code work_order} becomes the entity {@code WorkOrder}, {@code first_name} the field
 * {@code firstName}, everywhere the spec refers to them (relation targets, permissions,
 * workflows, {@code {{a_b.c_d}}} templates, pages), with one warning per renamed name. Tables and
 * columns are the snake_case of the new names, so they stay what was pasted. Snake-cased platform
 * columns ({@code created_at}, {@code updated_at}, {@code tenant_id}) are left out: every table has them.
 */
final class SnakeCaseNames {

    /** snake_case with at least one underscore (any letter case), or a single lower-case word (an entity only). */
    private static final Pattern SNAKE = Pattern.compile("[A-Za-z][A-Za-z0-9]*(_+[A-Za-z0-9]+)+_*");
    /** A field written in PascalCase ({@code CreditCardNo}, a column name from another stack). */
    private static final Pattern PASCAL_MEMBER = Pattern.compile("[A-Z][A-Za-z0-9]*");
    private static final Pattern LOWER_WORD = Pattern.compile("[a-z][a-z0-9]*");
    private static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.]+)\\s*}}");
    private static final Set<String> PLATFORM_COLUMNS = Set.of("createdAt", "updatedAt", "tenantId");

    record Normalized(AppSpecInput spec, List<Problem> warnings) {
    }

    private final List<Problem> warnings = new ArrayList<>();
    private final Map<String, String> entities = new HashMap<>();

    private SnakeCaseNames() {
    }

    static Normalized normalize(AppSpecInput spec) {
        SnakeCaseNames names = new SnakeCaseNames();
        AppSpecInput out = names.apply(spec);
        return new Normalized(out, List.copyOf(names.warnings));
    }

    private AppSpecInput apply(AppSpecInput spec) {
        for (int i = 0; i < spec.entities().size(); i++) {
            EntityInput e = spec.entities().get(i);
            if (e != null && e.name() != null && (SNAKE.matcher(e.name()).matches() || LOWER_WORD.matcher(e.name()).matches())) {
                String pascal = Inflector.pascal(e.name());
                entities.put(e.name(), pascal);
                warn("entities[" + i + "].name", "entity", e.name(), pascal, "table " + Inflector.snake(pascal));
            }
        }
        List<EntityInput> newEntities = new ArrayList<>();
        for (int i = 0; i < spec.entities().size(); i++) {
            newEntities.add(entity(spec.entities().get(i), "entities[" + i + "]"));
        }
        List<RoleInput> roles = spec.roles().stream().map(r -> r == null ? null : new RoleInput(r.name(), r.description(),
                r.permissions().stream().map(p -> p == null ? null : new PermissionInput(entity(p.entity()), p.actions(), p.ownRowsOnly()))
                        .toList())).toList();
        List<WorkflowInput> workflows = spec.workflows().stream().map(w -> w == null ? null : new WorkflowInput(w.name(), w.description(),
                trigger(w.trigger()), w.actions().stream().map(this::action).toList())).toList();
        List<PageInput> pages = spec.pages().stream().map(p -> p == null ? null
                : new PageInput(p.name(), p.kind(), entity(p.entity()), p.title(), p.roles())).toList();
        if (warnings.isEmpty()) {
            return spec;
        }
        return new AppSpecInput(spec.requirements(), spec.vertical(), spec.templatePack(), spec.compliance(), newEntities, roles,
                workflows, pages, spec.ai(), spec.delivery(), spec.rollout(), spec.approval(), spec.revisionHistoryLimit(), spec.draft());
    }

    private EntityInput entity(EntityInput e, String path) {
        if (e == null) {
            return null;
        }
        List<FieldInput> fields = new ArrayList<>();
        for (int j = 0; j < e.fields().size(); j++) {
            FieldInput f = e.fields().get(j);
            String fieldPath = path + ".fields[" + j + "]";
            if (f == null || f.name() == null || !foreignMember(f.name())) {
                fields.add(f);
                continue;
            }
            String camel = Inflector.camel(f.name());
            if (PLATFORM_COLUMNS.contains(camel)) {
                warnings.add(Problem.warning(fieldPath + ".name", "field \"" + f.name()
                        + "\" is a platform column every table already has (id, tenant_id, created_at, updated_at): left out", "remove it"));
                continue;
            }
            warn(fieldPath + ".name", "field", f.name(), camel, "column " + Inflector.snake(camel));
            fields.add(f.named(camel));
        }
        List<RelationInput> relations = new ArrayList<>();
        for (int j = 0; j < e.relations().size(); j++) {
            RelationInput r = e.relations().get(j);
            if (r == null) {
                relations.add(null);
                continue;
            }
            String name = r.name();
            if (name != null && foreignMember(name)) {
                name = Inflector.camel(name);
                warn(path + ".relations[" + j + "].name", "relation", r.name(), name, "key column " + Inflector.snake(name) + "_id");
            }
            relations.add(new RelationInput(name, r.kind(), entity(r.target()), r.required(), r.cascade()));
        }
        return new EntityInput(entities.getOrDefault(e.name(), e.name()), e.description(), fields, relations, e.ontologyDefaults());
    }

    /** An entity reference: renamed with its entity, or by shape when it names one that is snake_case. */
    private String entity(String reference) {
        if (reference == null) {
            return null;
        }
        return entities.getOrDefault(reference, SNAKE.matcher(reference).matches() ? Inflector.pascal(reference) : reference);
    }

    private static boolean foreignMember(String name) {
        return SNAKE.matcher(name).matches() || PASCAL_MEMBER.matcher(name).matches() && !Inflector.camel(name).isEmpty();
    }

    private static String member(String reference) {
        return reference != null && foreignMember(reference) ? Inflector.camel(reference) : reference;
    }

    private TriggerInput trigger(TriggerInput t) {
        return t == null ? null : new TriggerInput(t.type(), entity(t.entity()), member(t.field()), t.value(), t.schedule());
    }

    private ActionInput action(ActionInput a) {
        return a == null ? null : new ActionInput(a.type(), templates(a.to()), a.template(), a.url(), member(a.field()),
                templates(a.value()), entity(a.entity()), templates(a.message()));
    }

    /** {@code {{work_order.customer_email}}} → {@code {{workOrder.customerEmail}}}. */
    private static String templates(String text) {
        if (text == null || !text.contains("{{")) {
            return text;
        }
        Matcher m = TEMPLATE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            List<String> parts = new ArrayList<>();
            for (String part : m.group(1).split("\\.", -1)) {
                parts.add(member(part));
            }
            m.appendReplacement(out, Matcher.quoteReplacement("{{" + String.join(".", parts) + "}}"));
        }
        m.appendTail(out);
        return out.toString();
    }

    private void warn(String path, String what, String written, String used, String sql) {
        String style = written.contains("_") ? "snake_case" : what.equals("entity") ? "lower case" : "PascalCase";
        warnings.add(Problem.warning(path, what + " name \"" + written + "\" is " + style + ": the app uses \"" + used + "\" (" + sql + ")",
                "rename it to \"" + used + "\" to silence this warning"));
    }
}
