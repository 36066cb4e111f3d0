package io.veroforge.generator.synthesize;

import io.veroforge.generator.model.Action;
import io.veroforge.generator.model.Entity;
import io.veroforge.generator.model.EntityNames;
import io.veroforge.generator.model.Field;
import io.veroforge.generator.model.FieldStorage;
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

    private static final Pattern EXPRESSION = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9_.]*)\\s*}}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9_.]*)\\s*}}");
    private static final String ROLE_PREFIX = "role:";

    private final Workflow workflow;
    private final EntityNames entity;
    private final List<String> statements;
    private final Entity trigger;
    private final ResolvedModel model;
    /** Values reached through relations, by path: declared once before the actions that use them. */
    private final Map<String, PathValue.Resolved> lookups;

    WorkflowView(Workflow workflow, ResolvedModel model, Map<Action, GapHandler> customHandlers) {
        this.workflow = workflow;
        this.entity = workflow.trigger().entity() == null ? null : EntityNames.of(workflow.trigger().entity());
        Entity trigger = workflow.trigger().entity() == null ? null : model.entity(workflow.trigger().entity()).orElse(null);
        this.trigger = trigger;
        this.model = model;
        this.lookups = new java.util.LinkedHashMap<>();
        List<String> out = new ArrayList<>();
        for (Action action : workflow.actions()) {
            out.add(statement(action, trigger, model, customHandlers.get(action)));
        }
        List<String> all = new ArrayList<>();
        lookups.values().forEach(l -> all.add(l.declaration()));
        all.addAll(out);
        this.statements = List.copyOf(all);
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
                + (t.schedule() == null ? "" : " \"" + t.schedule().replace("*/", "*\\/") + "\""); // "*/" would end the doc comment
    }

    public boolean scheduled() {
        return workflow.trigger().type() == TriggerType.SCHEDULE;
    }

    public String schedule() {
        return workflow.trigger().schedule();
    }

    /** The schedule as a TypeScript string literal. */
    public String scheduleLiteral() {
        return TsLiteral.string(workflow.trigger().schedule());
    }

    /** The schedule for a test name: quotes left out. */
    public String scheduleText() {
        return workflow.trigger().schedule() == null ? "" : workflow.trigger().schedule().replace("'", "").replace("\"", "");
    }

    /** The triggering entity's name as the model spells it (the generated tests' key), or null. */
    public String triggerEntityName() {
        return workflow.trigger().entity();
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
        // sendEmail (queued, sent after commit), notify and skipped (log lines) are synchronous: nothing to await
        return statements.stream().map(st -> SYNC_ACTION.matcher(st).replaceFirst("$1")).toList();
    }

    private static final Pattern SYNC_ACTION = Pattern.compile("^await (this\\.actions\\.(sendEmail|notify|skipped)\\()");

    /** Whether the statements use the triggering row (run() then reads it first). */
    public boolean readsRow() {
        return usesRow() && statements.stream().anyMatch(st -> st.matches("(?s).*\\brow\\b.*"));
    }

    /** Whether run() awaits something (the row, a query, a webhook, a gap handler); otherwise it is synchronous work. */
    public boolean awaits() {
        return readsRow() || statements().stream().anyMatch(st -> st.contains("await "));
    }

    /** Whether the statements use the transaction. */
    public boolean usesTx() {
        return readsRow() || statements().stream().anyMatch(st -> st.matches("(?s).*\\btx\\b.*"));
    }

    /** Whether a statement calls a gap handler (the workflow injects GapRunner). */
    public boolean usesGaps() {
        return statements().stream().anyMatch(st -> st.contains("this.gaps."));
    }

    public boolean usesRow() {
        return entity != null;
    }

    /** The triggering row in statements: {@code row}, or {@code null} for a workflow without an entity. */
    private String rowVar() {
        return usesRow() ? "row" : "null";
    }

    /** The text helpers of workflow-actions.ts the statements call, comma-separated (empty when none). */
    public String helpers() {
        List<String> used = new ArrayList<>();
        for (String helper : List.of("asDay", "asText", "compose", "orNull")) {
            if (statements.stream().anyMatch(s -> s.contains(helper + "("))) {
                used.add(helper);
            }
        }
        return String.join(", ", used);
    }

    /** Whether a statement reads the {@code id} parameter (mails say which row they are about). */
    public boolean usesId() {
        return statements.stream().anyMatch(s -> s.contains("about: id"));
    }

    private String statement(Action a, Entity trigger, ResolvedModel model, GapHandler gap) {
        String wf = TsLiteral.string(workflow.name());
        String row = rowVar();
        return switch (a.type()) {
            case SEND_EMAIL -> mail(a, a.to(), trigger, model);
            case NOTIFY -> a.to() == null
                    ? "await this.actions.notify(" + wf + ", " + mailLiteral(a, trigger, model) + ");"
                    : mail(a, a.to().startsWith(ROLE_PREFIX) || a.to().contains("@") || a.to().contains("{{") ? a.to() : ROLE_PREFIX + a.to(),
                            trigger, model);
            case CALL_WEBHOOK -> "await this.actions.callWebhook(" + wf + ", " + TsLiteral.string(a.url()) + ", " + row + ");";
            case SET_FIELD -> setField(a, trigger, model);
            case CREATE_ENTITY -> "await this.actions.skipped(" + wf + ", " + TsLiteral.string("createEntity " + a.entity()
                    + ": the AppSpec gives no field values; implement it in a custom action") + ");";
            case CUSTOM -> gap == null
                    ? "await this.actions.skipped(" + wf + ", " + TsLiteral.string("custom action without a gap handler") + ");"
                    : "await this.gaps.run(" + TsLiteral.string(gap.id()) + ", { tx, row: " + row + ", workflow: " + wf + " });";
        };
    }

    /**
     * A mail to {@code role:<name>} (every user of the tenant with the role), to a {@code {{path}}}
     * resolved through relations, or to a fixed address.
     */
    private String mail(Action a, String to, Entity trigger, ResolvedModel model) {
        String wf = TsLiteral.string(workflow.name());
        String mail = mailLiteral(a, trigger, model);
        if (to == null) {
            return "await this.actions.sendEmail(" + wf + ", null, " + mail + ");";
        }
        String recipient = to.trim();
        if (recipient.startsWith(ROLE_PREFIX)) {
            return "await this.actions.emailRole(" + wf + ", tx, " + TsLiteral.string(recipient.substring(ROLE_PREFIX.length())) + ", " + mail
                    + ");";
        }
        Matcher m = EXPRESSION.matcher(recipient);
        String address = m.matches() && trigger != null
                ? lookup(m.group(1), trigger, model).map(PathValue.Resolved::recipient).orElse(TsLiteral.string(recipient))
                : TsLiteral.string(recipient);
        return "await this.actions.sendEmail(" + wf + ", " + address + ", " + mail + ");";
    }

    /** Subject (the template's name in words, else the message's first line, else the workflow's name) and text, placeholders filled. */
    private String mailLiteral(Action a, Entity trigger, ResolvedModel model) {
        String subject;
        if (a.template() != null) {
            subject = TsLiteral.string(sentence(a.template()));
        } else if (a.message() != null) {
            String first = a.message().strip().lines().findFirst().orElse("");
            subject = text(first.length() > 120 ? first.substring(0, 120) : first, trigger, model);
        } else {
            subject = TsLiteral.string(sentence(workflow.name()));
        }
        String body = a.message() == null ? subject : text(a.message(), trigger, model);
        return "{ subject: " + subject + ", text: " + body + ", entity: " + entityLiteral() + ", about: id }";
    }

    /** Text with {@code {{path}}} placeholders as a TypeScript expression: a literal, or {@code compose([...])} of literals and values. */
    private String text(String text, Entity trigger, ResolvedModel model) {
        Matcher m = PLACEHOLDER.matcher(text);
        List<String> parts = new ArrayList<>();
        int last = 0;
        while (m.find()) {
            if (m.start() > last) {
                parts.add(TsLiteral.string(text.substring(last, m.start())));
            }
            Optional<String> value = trigger == null ? Optional.empty() : lookup(m.group(1), trigger, model).map(PathValue.Resolved::text);
            parts.add(value.orElse(TsLiteral.string(m.group())));
            last = m.end();
        }
        if (parts.isEmpty()) {
            return TsLiteral.string(text);
        }
        if (last < text.length()) {
            parts.add(TsLiteral.string(text.substring(last)));
        }
        return "compose([" + String.join(", ", parts) + "])";
    }

    // ---- generated tests ----

    /**
     * What the mail test expects of each mail this workflow sends when a row of its entity is
     * created: recipient, subject and text as parts (literals, or field paths the test follows
     * through the REST API), for actions whose paths follow owning relations only.
     */
    public List<String> mailExpectations() {
        if (workflow.trigger().type() != TriggerType.ENTITY_CREATED || trigger == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Action a : workflow.actions()) {
            if ((a.type() != io.veroforge.generator.model.ActionType.SEND_EMAIL && a.type() != io.veroforge.generator.model.ActionType.NOTIFY)
                    || a.to() == null) {
                continue;
            }
            String to = a.to().trim();
            String recipient;
            Matcher m = EXPRESSION.matcher(to);
            if (to.startsWith(ROLE_PREFIX)) {
                recipient = "{ role: " + TsLiteral.string(to.substring(ROLE_PREFIX.length())) + " }";
            } else if (m.matches()) {
                recipient = restPath(m.group(1)).orElse(null);
            } else if (to.contains("@")) {
                recipient = TsLiteral.string(to);
            } else {
                recipient = "{ role: " + TsLiteral.string(to) + " }";
            }
            String subject = a.template() != null ? "[" + TsLiteral.string(sentence(a.template())) + "]"
                    : a.message() != null ? partsOf(firstLine(a.message())) : "[" + TsLiteral.string(sentence(workflow.name())) + "]";
            String text = a.message() != null ? partsOf(a.message()) : subject;
            if (recipient == null || subject == null || text == null) {
                continue;
            }
            out.add("{ workflow: " + TsLiteral.string(workflow.name()) + ", entity: " + entityLiteral() + ", to: " + recipient + ", subject: "
                    + subject + ", text: " + text + " }");
        }
        return out;
    }

    private static String firstLine(String message) {
        String first = message.strip().lines().findFirst().orElse("");
        return first.length() > 120 ? first.substring(0, 120) : first;
    }

    /** Literal and {@code { path: [...] }} parts of a text, or null when a placeholder cannot be followed through the API. */
    private String partsOf(String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        List<String> parts = new ArrayList<>();
        int last = 0;
        while (m.find()) {
            if (m.start() > last) {
                parts.add(TsLiteral.string(text.substring(last, m.start())));
            }
            Optional<String> path = restPath(m.group(1));
            if (path.isEmpty()) {
                return null;
            }
            parts.add(path.get());
            last = m.end();
        }
        if (last < text.length()) {
            parts.add(TsLiteral.string(text.substring(last)));
        }
        return "[" + String.join(", ", parts) + "]";
    }

    /** {@code { path: ['enrollment', 'student', 'email'] }} when every relation on the way is the owning side (a foreign key the API shows). */
    private Optional<String> restPath(String path) {
        String[] segments = path.trim().split("\\.");
        Entity at = trigger;
        for (int i = 0; i < segments.length - 1; i++) {
            Optional<Relation> relation = at.relation(segments[i]).filter(Relation::owning);
            if (relation.isEmpty() || model.entity(relation.get().target()).isEmpty()) {
                return Optional.empty();
            }
            at = model.entity(relation.get().target()).get();
        }
        if (at.field(segments[segments.length - 1]).isEmpty()) {
            return Optional.empty();
        }
        List<String> quoted = new ArrayList<>();
        for (String segment : segments) {
            quoted.add(TsLiteral.string(segment));
        }
        return Optional.of("{ path: [" + String.join(", ", quoted) + "] }");
    }

    private Optional<PathValue.Resolved> lookup(String path, Entity trigger, ResolvedModel model) {
        Optional<PathValue.Resolved> resolved = PathValue.of(path.trim(), trigger, model);
        resolved.filter(r -> r.variable() != null).ifPresent(r -> lookups.putIfAbsent(r.path(), r));
        return resolved;
    }

    /** {@code invoice-issued} → {@code Invoice issued}. */
    private static String sentence(String name) {
        String words = String.join(" ", Inflector.words(name));
        return words.isEmpty() ? name : Character.toUpperCase(words.charAt(0)) + words.substring(1);
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
            case DATE, DATETIME -> dateValue(a.value());
            default -> TsLiteral.string(a.value());
        };
        if (f.storage() == FieldStorage.ENCRYPTED) {
            // the column holds pgcrypto ciphertext of the value's text, as the service writes it
            String text = f.type() == FieldType.DATE ? "asDay(" + value + ")" : f.type() == FieldType.DATETIME ? value + ".toISOString()" : value;
            value = "await this.cipher.encrypt(tx, " + text + ")";
        }
        return "if (row) await tx." + EntityNames.of(target).camel() + ".update({ where: { id: row.id }, data: { "
                + Inflector.camel(f.column()) + ": " + value + " } });";
    }

    /**
     * What this workflow's setField actions write into a row of its entity when one is created, by API
     * property, as TypeScript literals the generated tests expect once workflows have settled ({@code null}:
     * a value only known when it runs, such as today, or a number the API formats). Empty for other triggers.
     */
    public Map<String, String> onCreateWrites() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        if (workflow.trigger().type() != TriggerType.ENTITY_CREATED || trigger == null) {
            return out;
        }
        for (Action a : workflow.actions()) {
            if (a.type() != io.veroforge.generator.model.ActionType.SET_FIELD || a.entity() != null && !a.entity().equals(trigger.name())) {
                continue;
            }
            trigger.field(a.field()).ifPresent(f -> out.put(Inflector.camel(f.column()), switch (f.type()) {
                case BOOLEAN -> Boolean.toString(Boolean.parseBoolean(a.value()));
                case INTEGER -> a.value();
                case DATE -> dateValue(a.value()).equals("new Date()") ? "null" : TsLiteral.string(java.time.LocalDate.parse(a.value()).toString());
                case DATETIME -> dateValue(a.value()).equals("new Date()") ? "null" : dateValue(a.value()) + ".toISOString()";
                case DECIMAL, MONEY, JSON -> "null";
                default -> TsLiteral.string(a.value());
            }));
        }
        return out;
    }

    /** A date value of setField as a TypeScript Date: today and now() are when the workflow runs. */
    private static String dateValue(String value) {
        return switch (value) {
            case "today", "today()", "now", "now()" -> "new Date()";
            default -> "new Date(" + TsLiteral.string(value) + ")";
        };
    }

    /** Whether a setField action writes an encrypted (PHI) column, so the handler needs the field cipher. */
    public boolean usesCipher() {
        return statements.stream().anyMatch(s -> s.contains("this.cipher."));
    }

    /** Whether a statement calls WorkflowActions (a workflow of setField actions only writes through its transaction). */
    public boolean usesActions() {
        return statements.stream().anyMatch(s -> s.contains("this.actions."));
    }

    /** The names imported from workflow-actions.ts: WorkflowActions when used, then the text helpers. */
    public String actionImports() {
        List<String> names = new ArrayList<>();
        if (usesActions()) {
            names.add("WorkflowActions");
        }
        if (!helpers().isEmpty()) {
            names.add(helpers());
        }
        return String.join(", ", names);
    }
}
