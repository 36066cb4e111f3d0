package io.veroforge.generator.synthesize;

import io.veroforge.generator.model.Action;
import io.veroforge.generator.model.Entity;
import io.veroforge.generator.model.EntityNames;
import io.veroforge.generator.model.Field;
import io.veroforge.generator.model.FieldType;
import io.veroforge.generator.model.Inflector;
import io.veroforge.generator.model.Relation;
import io.veroforge.generator.model.ResolvedModel;
import io.veroforge.generator.model.TriggerType;
import io.veroforge.generator.model.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A workflow as a generated handler: its trigger, and each action as one TypeScript statement
 * computed here (recipient expressions, setField values, the gap handler a custom action calls).
 */
public final class WorkflowView {

    private static final Pattern EXPRESSION = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)(?:\\.([A-Za-z0-9_]+))?\\s*}}");

    private final Workflow workflow;
    private final EntityNames entity;
    private final List<String> statements;

    WorkflowView(Workflow workflow, ResolvedModel model, Map<Action, GapHandler> customHandlers) {
        this.workflow = workflow;
        this.entity = workflow.trigger().entity() == null ? null : EntityNames.of(workflow.trigger().entity());
        Entity trigger = workflow.trigger().entity() == null ? null : model.entity(workflow.trigger().entity()).orElse(null);
        List<String> out = new ArrayList<>();
        for (Action action : workflow.actions()) {
            out.add(statement(action, trigger, model, customHandlers.get(action)));
        }
        this.statements = List.copyOf(out);
    }

    public String name() {
        return workflow.name();
    }

    public String className() {
        return Inflector.pascal(workflow.name()) + "Workflow";
    }

    public String fileName() {
        return Inflector.kebab(workflow.name()) + ".workflow";
    }

    public String triggerType() {
        return workflow.trigger().type().keyword();
    }

    public String triggerDescription() {
        var t = workflow.trigger();
        return t.type().keyword() + (t.entity() == null ? "" : " " + t.entity()) + (t.field() == null ? "" : "." + t.field())
                + (t.schedule() == null ? "" : " \"" + t.schedule() + "\"");
    }

    public boolean scheduled() {
        return workflow.trigger().type() == TriggerType.SCHEDULE;
    }

    public String schedule() {
        return workflow.trigger().schedule();
    }

    public boolean hasEntity() {
        return entity != null;
    }

    public EntityNames entity() {
        return entity;
    }

    public String entityLiteral() {
        return entity == null ? "null" : TsLiteral.string(entity.pascal());
    }

    /** The field whose change triggers it, as the API names it, or null. */
    public String fieldLiteral() {
        return workflow.trigger().field() == null ? "null" : TsLiteral.string(Inflector.camel(workflow.trigger().field()));
    }

    /** Event types that start it: entityCreated/entityUpdated (fieldChanged listens to updates). */
    public String eventLiteral() {
        return switch (workflow.trigger().type()) {
            case ENTITY_CREATED -> "'created'";
            case ENTITY_UPDATED, FIELD_CHANGED -> "'updated'";
            case SCHEDULE -> "'schedule'";
        };
    }

    public List<String> statements() {
        return statements;
    }

    public boolean usesRow() {
        return entity != null;
    }

    private String statement(Action a, Entity trigger, ResolvedModel model, GapHandler gap) {
        String wf = TsLiteral.string(workflow.name());
        return switch (a.type()) {
            case SEND_EMAIL -> "await this.actions.sendEmail(" + wf + ", " + recipient(a.to(), trigger, model) + ", "
                    + TsLiteral.string(a.template()) + ", " + TsLiteral.string(a.message()) + ", row);";
            case NOTIFY -> "await this.actions.notify(" + wf + ", " + TsLiteral.string(a.to() == null ? null : a.to().replaceFirst("^role:", ""))
                    + ", " + TsLiteral.string(a.message()) + ", row);";
            case CALL_WEBHOOK -> "await this.actions.callWebhook(" + wf + ", " + TsLiteral.string(a.url()) + ", row);";
            case SET_FIELD -> setField(a, trigger, model);
            case CREATE_ENTITY -> "await this.actions.skipped(" + wf + ", " + TsLiteral.string("createEntity " + a.entity()
                    + ": the AppSpec gives no field values; implement it in a custom action") + ");";
            case CUSTOM -> gap == null
                    ? "await this.actions.skipped(" + wf + ", " + TsLiteral.string("custom action without a gap handler") + ");"
                    : "await this.gaps.run(" + TsLiteral.string(gap.id()) + ", { tx, row, workflow: " + wf + " });";
        };
    }

    /** {@code {{customer.email}}} → a lookup through the relation; {@code {{email}}} → the row's field; else a literal address. */
    private String recipient(String to, Entity trigger, ResolvedModel model) {
        if (to == null) {
            return "null";
        }
        Matcher m = EXPRESSION.matcher(to.trim());
        if (!m.matches() || trigger == null) {
            return TsLiteral.string(to);
        }
        if (m.group(2) == null) {
            return trigger.field(m.group(1)).map(f -> "(row?.[" + TsLiteral.string(Inflector.camel(f.column())) + "] as string | null | undefined) ?? null")
                    .orElse(TsLiteral.string(to));
        }
        Optional<Relation> rel = trigger.relation(m.group(1)).filter(Relation::owning);
        if (rel.isEmpty()) {
            return TsLiteral.string(to);
        }
        EntityNames target = EntityNames.of(rel.get().target());
        String fk = Inflector.camel(rel.get().name()) + "Id";
        String prop = model.entity(rel.get().target()).flatMap(e -> e.field(m.group(2))).map(f -> Inflector.camel(f.column()))
                .orElse(m.group(2));
        return "row?." + fk + " ? ((await tx." + target.camel() + ".findUnique({ where: { id: row." + fk + " } }))?." + prop
                + " ?? null) : null";
    }

    private String setField(Action a, Entity trigger, ResolvedModel model) {
        String wf = TsLiteral.string(workflow.name());
        String target = a.entity() == null ? workflow.trigger().entity() : a.entity();
        Optional<Field> field = model.entity(target).flatMap(e -> e.field(a.field()));
        if (trigger == null || field.isEmpty() || !target.equals(trigger.name())) {
            return "await this.actions.skipped(" + wf + ", " + TsLiteral.string("setField " + target + "." + a.field()
                    + " runs only on the triggering row") + ");";
        }
        Field f = field.get();
        String value = switch (f.type()) {
            case BOOLEAN -> Boolean.toString(Boolean.parseBoolean(a.value()));
            case INTEGER -> a.value();
            case DATE, DATETIME -> "new Date(" + TsLiteral.string(a.value()) + ")";
            default -> TsLiteral.string(a.value());
        };
        if (f.type() == FieldType.JSON) {
            value = TsLiteral.string(a.value());
        }
        return "if (row) await tx." + EntityNames.of(target).camel() + ".update({ where: { id: row.id }, data: { "
                + Inflector.camel(f.column()) + ": " + value + " } });";
    }
}
