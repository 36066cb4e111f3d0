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
import io.veroforge.generator.model.EntityNames;
import io.veroforge.generator.model.Inflector;
import io.veroforge.generator.model.Problem;
import io.veroforge.generator.validate.ReservedWords;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes names reserved in TypeScript, SQL or Prisma usable instead of refusing them: people name an entity
 * {@code Class} and a field {@code from} or {@code default} because that is what the thing is called. Such a name
 * gets a prefix or suffix the stack accepts, everywhere the spec refers to it (relation targets, permissions,
 * workflow triggers and actions, {@code {{a.b}}} templates, pages), with one warning naming the path and the
 * name the app uses: entity {@code Class} → {@code ClassItem} (table {@code class_items}), field
 * {@code Event.from} → {@code eventFrom} (column {@code event_from}). The platform's own columns written in
 * camelCase ({@code id}, {@code tenantId}, {@code createdAt}, {@code updatedAt}) are left out with a warning,
 * as their snake_case spellings are ({@link SnakeCaseNames}): every table has them. Runs after
 * {@link SnakeCaseNames}, so it sees the names the stack would use; the model validator keeps its checks
 * for names the ontology or derivation bring in.
 */
final class ReservedNames {

    private static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.]+)\\s*}}");
    private static final Set<String> PLATFORM_COLUMNS = Set.of("id", "tenantId", "createdAt", "updatedAt");

    record Mapped(AppSpecInput spec, List<Problem> warnings) {
    }

    private final ReservedWords reserved;
    private final List<Problem> warnings = new ArrayList<>();
    /** Entity renames, old name → new name. */
    private final Map<String, String> entities = new HashMap<>();
    /** Member renames per entity (keyed by the entity's new name), old name → new name. */
    private final Map<String, Map<String, String>> members = new HashMap<>();
    /** Relation targets per entity (new names), to follow {@code {{a.b}}} paths. */
    private final Map<String, Map<String, String>> targets = new HashMap<>();

    private ReservedNames(ReservedWords reserved) {
        this.reserved = reserved;
    }

    static Mapped map(AppSpecInput spec) {
        ReservedNames names = new ReservedNames(ReservedWords.bundled());
        AppSpecInput out = names.apply(spec);
        return new Mapped(out, List.copyOf(names.warnings));
    }

    private AppSpecInput apply(AppSpecInput spec) {
        for (int i = 0; i < spec.entities().size(); i++) {
            EntityInput e = spec.entities().get(i);
            if (e != null && e.name() != null) {
                String renamed = entityRename(e.name());
                if (renamed != null) {
                    entities.put(e.name(), renamed);
                    warnings.add(Problem.warning("entities[" + i + "].name", "entity name \"" + e.name() + "\" is reserved in the generated stack ("
                                    + why(e.name()) + "): the app uses \"" + renamed + "\" (table " + EntityNames.of(renamed).table() + ")",
                            "rename it to \"" + renamed + "\" (or another name) to silence this warning"));
                }
            }
        }
        for (EntityInput e : spec.entities()) {
            if (e == null || e.name() == null) {
                continue;
            }
            Map<String, String> relationTargets = new HashMap<>();
            for (RelationInput r : e.relations()) {
                if (r != null && r.name() != null && r.target() != null) {
                    relationTargets.put(r.name(), entity(r.target()));
                }
            }
            targets.put(entity(e.name()), relationTargets);
        }
        List<EntityInput> newEntities = new ArrayList<>();
        for (int i = 0; i < spec.entities().size(); i++) {
            newEntities.add(entity(spec.entities().get(i), "entities[" + i + "]"));
        }
        if (warnings.isEmpty()) {
            return spec;
        }
        // member renames are known only now: apply them to the relation-target map's keys as well
        members.forEach((entity, renames) -> {
            Map<String, String> t = targets.get(entity);
            if (t != null) {
                renames.forEach((from, to) -> {
                    if (t.containsKey(from)) {
                        t.put(to, t.remove(from));
                    }
                });
            }
        });
        List<RoleInput> roles = spec.roles().stream().map(r -> r == null ? null : new RoleInput(r.name(), r.description(),
                r.permissions().stream().map(p -> p == null ? null : new PermissionInput(entity(p.entity()), p.actions(), p.ownRowsOnly()))
                        .toList())).toList();
        List<WorkflowInput> workflows = spec.workflows().stream().map(this::workflow).toList();
        List<PageInput> pages = spec.pages().stream().map(p -> p == null ? null
                : new PageInput(p.name(), p.kind(), entity(p.entity()), p.title(), p.roles())).toList();
        return new AppSpecInput(spec.requirements(), spec.vertical(), spec.templatePack(), spec.compliance(), newEntities, roles,
                workflows, pages, spec.ai(), spec.delivery(), spec.rollout(), spec.approval(), spec.revisionHistoryLimit(), spec.draft());
    }

    /** The name the app uses for an entity whose own name it cannot use, or null. */
    private String entityRename(String name) {
        if (name.isEmpty() || !Character.isUpperCase(name.charAt(0))) {
            return null;   // not an entity name the input validator accepts: it reports the shape
        }
        EntityNames names = EntityNames.of(name);
        if (reserved.prisma().contains(name)) {
            return name + "Record";
        }
        if (reserved.generatorEntities().contains(name)) {
            return "App" + name;
        }
        if (reserved.typescript().contains(names.camel()) || reserved.sqlReserved(names.table())) {
            return name + "Item";
        }
        return null;
    }

    private String why(String entity) {
        EntityNames names = EntityNames.of(entity);
        if (reserved.prisma().contains(entity)) {
            return "Prisma cannot name a model \"" + entity + "\"";
        }
        if (reserved.generatorEntities().contains(entity)) {
            return "a table the generated app creates for itself";
        }
        if (reserved.typescript().contains(names.camel())) {
            return "its variable \"" + names.camel() + "\" is a TypeScript keyword";
        }
        return "its table \"" + names.table() + "\" is an SQL keyword";
    }

    private EntityInput entity(EntityInput e, String path) {
        if (e == null || e.name() == null) {
            return e;
        }
        String name = entity(e.name());
        String prefix = Inflector.camel(name);
        Map<String, String> renames = members.computeIfAbsent(name, k -> new HashMap<>());
        List<FieldInput> fields = new ArrayList<>();
        for (int j = 0; j < e.fields().size(); j++) {
            FieldInput f = e.fields().get(j);
            String fieldPath = path + ".fields[" + j + "]";
            if (f == null || f.name() == null || f.name().isEmpty()) {
                fields.add(f);
                continue;
            }
            if (PLATFORM_COLUMNS.contains(f.name())) {
                warnings.add(Problem.warning(fieldPath + ".name", "field \"" + f.name()
                                + "\" is a column every generated table already has (id, tenant_id, created_at, updated_at): left out",
                        "remove it (the generated app maintains it)"));
                continue;
            }
            String reason = memberReason(f.name(), Inflector.snake(f.name()));
            if (reason == null) {
                fields.add(f);
                continue;
            }
            String renamed = prefix + Inflector.pascal(f.name());
            renames.put(f.name(), renamed);
            warnings.add(Problem.warning(fieldPath + ".name", "field name \"" + f.name() + "\" " + reason + ": the app uses \"" + renamed
                    + "\" (column " + Inflector.snake(renamed) + ")", "rename it to \"" + renamed + "\" (or another name) to silence this warning"));
            fields.add(f.named(renamed));
        }
        List<RelationInput> relations = new ArrayList<>();
        for (int j = 0; j < e.relations().size(); j++) {
            RelationInput r = e.relations().get(j);
            if (r == null) {
                relations.add(null);
                continue;
            }
            String relationName = r.name();
            if (relationName != null && !relationName.isEmpty() && reserved.typescript().contains(relationName)) {
                String renamed = prefix + Inflector.pascal(relationName);
                renames.put(relationName, renamed);
                warnings.add(Problem.warning(path + ".relations[" + j + "].name", "relation name \"" + relationName
                        + "\" is a TypeScript keyword: the app uses \"" + renamed + "\"", "rename it to \"" + renamed + "\" (or another name) to silence this warning"));
                relationName = renamed;
            }
            relations.add(new RelationInput(relationName, r.kind(), entity(r.target()), r.required(), r.cascade()));
        }
        return new EntityInput(name, e.description(), fields, relations, e.ontologyDefaults());
    }

    /** Why a field name cannot be used as it is, or null when it can. */
    private String memberReason(String name, String column) {
        if (reserved.typescript().contains(name)) {
            return "is a TypeScript keyword";
        }
        if (reserved.sqlReserved(column)) {
            return "becomes the column \"" + column + "\", an SQL keyword";
        }
        return null;
    }

    private String entity(String reference) {
        return reference == null ? null : entities.getOrDefault(reference, reference);
    }

    private String member(String entity, String name) {
        if (name == null || entity == null) {
            return name;
        }
        return members.getOrDefault(entity, Map.of()).getOrDefault(name, name);
    }

    private WorkflowInput workflow(WorkflowInput w) {
        if (w == null) {
            return null;
        }
        TriggerInput t = w.trigger();
        String on = t == null ? null : entity(t.entity());
        TriggerInput trigger = t == null ? null : new TriggerInput(t.type(), on, member(on, t.field()), t.value(), t.schedule());
        List<ActionInput> actions = w.actions().stream().map(a -> a == null ? null : action(a, on)).toList();
        return new WorkflowInput(w.name(), w.description(), trigger, actions);
    }

    private ActionInput action(ActionInput a, String triggerEntity) {
        String target = a.entity() != null ? entity(a.entity()) : triggerEntity;
        return new ActionInput(a.type(), templates(a.to(), triggerEntity), a.template(), a.url(), member(target, a.field()),
                templates(a.value(), triggerEntity), entity(a.entity()), templates(a.message(), triggerEntity));
    }

    /** {@code {{event.from}}} on a Class → {@code {{event.eventFrom}}}: each step renamed on the entity it is read from. */
    private String templates(String text, String entity) {
        if (text == null || !text.contains("{{") || entity == null) {
            return text;
        }
        Matcher m = TEMPLATE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            List<String> parts = new ArrayList<>();
            String on = entity;
            for (String part : m.group(1).split("\\.", -1)) {
                String renamed = member(on, part);
                parts.add(renamed);
                on = on == null ? null : targets.getOrDefault(on, Map.of()).get(renamed);
            }
            m.appendReplacement(out, Matcher.quoteReplacement("{{" + String.join(".", parts) + "}}"));
        }
        m.appendTail(out);
        return out.toString();
    }
}
