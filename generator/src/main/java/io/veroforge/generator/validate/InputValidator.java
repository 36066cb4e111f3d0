package io.veroforge.generator.validate;

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
import io.veroforge.generator.model.ActionType;
import io.veroforge.generator.model.AiSettings;
import io.veroforge.generator.model.CrudAction;
import io.veroforge.generator.model.FieldType;
import io.veroforge.generator.model.Inflector;
import io.veroforge.generator.model.Keyword;
import io.veroforge.generator.model.CardDataNames;
import io.veroforge.generator.model.Marker;
import io.veroforge.generator.model.PageKind;
import io.veroforge.generator.model.Problem;
import io.veroforge.generator.model.RelationKind;
import io.veroforge.generator.model.TemplatePack;
import io.veroforge.generator.model.TriggerType;
import io.veroforge.generator.ontology.Ontology;
import io.veroforge.generator.ontology.VerticalMap;
import io.veroforge.generator.ontology.VerticalTerm;
import io.veroforge.generator.samples.TextSamples;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks an AppSpec as written, before the ontology fills it in: keywords (types, kinds,
 * actions), identifier shapes, constraints that only make sense for some types, and entities
 * that have neither fields nor an ontology definition. Checks that need the complete model
 * (references, collisions, reserved words) are {@link ModelValidator}'s.
 */
public final class InputValidator {

    /** Decimal places and whole digits a decimal or money value of the generated API has (its DecimalRange, numeric(19,4)). */
    static final int DECIMAL_PLACES = 4;
    static final int DECIMAL_WHOLE_DIGITS = 15;

    static final int MAX_GAPS_LIMIT = AiSettings.MAX_GAPS_LIMIT;

    private final Ontology ontology;

    public InputValidator(Ontology ontology) {
        this.ontology = ontology;
    }

    public List<Problem> validate(AppSpecInput spec) {
        List<Problem> problems = new ArrayList<>();
        Optional<VerticalMap> vertical = checkVertical(spec, problems);
        checkTemplatePack(spec, problems);
        boolean requirements = spec.requirements() != null && !spec.requirements().isBlank();
        // with requirements the analyzer proposes entities; the resolver refuses the spec if it finds none
        if (spec.entities().isEmpty() && vertical.isEmpty() && !requirements) {
            problems.add(Problem.error("entities", "no entities and no known vertical to take them from",
                    "declare entities (a name alone is enough for ontology terms), or set vertical to one of: "
                            + String.join(", ", ontology.verticalIds())));
        }
        for (int i = 0; i < spec.entities().size(); i++) {
            checkEntity(spec.entities().get(i), "entities[" + i + "]", vertical, problems);
        }
        for (int i = 0; i < spec.roles().size(); i++) {
            checkRole(spec.roles().get(i), "roles[" + i + "]", problems);
        }
        for (int i = 0; i < spec.workflows().size(); i++) {
            checkWorkflow(spec.workflows().get(i), "workflows[" + i + "]", problems);
        }
        for (int i = 0; i < spec.pages().size(); i++) {
            checkPage(spec.pages().get(i), "pages[" + i + "]", problems);
        }
        if (spec.ai() != null && spec.ai().maxGapsPerGeneration() != null) {
            int max = spec.ai().maxGapsPerGeneration();
            if (max < 0 || max > MAX_GAPS_LIMIT) {
                problems.add(Problem.error("ai.maxGapsPerGeneration", "must be between 0 and " + MAX_GAPS_LIMIT + ", was " + max,
                        "use a value from 0 (template-only) to " + MAX_GAPS_LIMIT));
            }
        }
        return problems;
    }

    private Optional<VerticalMap> checkVertical(AppSpecInput spec, List<Problem> problems) {
        if (spec.vertical() == null || spec.vertical().isBlank()) {
            return Optional.empty();
        }
        Optional<VerticalMap> vertical = ontology.vertical(spec.vertical());
        if (vertical.isEmpty()) {
            List<String> known = new ArrayList<>(ontology.verticalIds());
            ontology.verticals().forEach(v -> known.addAll(v.aliases()));
            String fix = DidYouMean.closest(spec.vertical(), known).map(s -> "did you mean \"" + s + "\"?")
                    .orElse("use one of: " + String.join(", ", ontology.verticalIds()));
            // the CRD promises that an unknown vertical uses the generic (universal) ontology: a warning, not an error
            problems.add(Problem.warning("vertical", "unknown vertical \"" + spec.vertical()
                    + "\": only the universal ontology (Customer, Employee, Order, …) is used", fix));
        }
        return vertical;
    }

    private void checkTemplatePack(AppSpecInput spec, List<Problem> problems) {
        if (spec.templatePack() == null || spec.templatePack().name() == null) {
            return;
        }
        String name = spec.templatePack().name();
        if (!TemplatePack.DEFAULT_NAME.equals(name)) {
            problems.add(Problem.error("templatePack.name", "unknown template pack \"" + name + "\"",
                    DidYouMean.fix(name, List.of(TemplatePack.DEFAULT_NAME))));
        }
    }

    private void checkEntity(EntityInput entity, String path, Optional<VerticalMap> vertical, List<Problem> problems) {
        if (entity == null) {
            problems.add(Problem.error(path, "empty entity entry", "give it at least a name"));
            return;
        }
        if (!checkName(entity.name(), path + ".name", "entity", Identifiers.PASCAL, "PascalCase", Inflector::pascal, problems)) {
            return;
        }
        if (entity.sparse() && definitionOf(entity.name(), vertical).isEmpty()) {
            List<String> known = new ArrayList<>();
            vertical.ifPresent(v -> v.terms().forEach(t -> {
                known.add(t.name());
                known.addAll(t.aliases());
            }));
            ontology.universal().forEach(u -> known.add(u.name()));
            String where = vertical.map(v -> "a term of vertical \"" + v.id() + "\" or a universal entity")
                    .orElse("a universal entity (no vertical is set)");
            String suggestion = DidYouMean.closest(entity.name(), known).map(s -> ", or did you mean \"" + s + "\"?").orElse("");
            // a name alone is still an entity a user can use: the resolver gives it a required name (NameFieldDefault)
            problems.add(Problem.warning(path, "entity \"" + entity.name() + "\" has no fields and is not " + where
                            + ", so it gets one required field, name (string, up to 200 characters)",
                    "declare its fields to choose your own" + suggestion));
        }
        if (Boolean.FALSE.equals(entity.ontologyDefaults()) && entity.fields().isEmpty()
                && entity.relations().stream().allMatch(r -> r == null || "oneToMany".equals(r.kind()))) {
            // the spec turned every default off and declared nothing writable: adding a name (what a sparse entity gets) would overrule it
            problems.add(Problem.error(path + ".fields", entity.name() + " declares no fields and turns the ontology's defaults off"
                            + " (ontologyDefaults: false), so a create request could set nothing on it",
                    "declare at least one field, or remove ontologyDefaults: false"));
        }
        for (int j = 0; j < entity.fields().size(); j++) {
            checkField(entity.fields().get(j), path + ".fields[" + j + "]", problems);
        }
        for (int j = 0; j < entity.relations().size(); j++) {
            checkRelation(entity.relations().get(j), path + ".relations[" + j + "]", problems);
        }
    }

    private Optional<?> definitionOf(String entityName, Optional<VerticalMap> vertical) {
        Optional<VerticalTerm> term = vertical.flatMap(v -> v.term(entityName));
        return term.isPresent() ? term : ontology.universalNamed(entityName);
    }

    private void checkField(FieldInput field, String path, List<Problem> problems) {
        if (field == null) {
            problems.add(Problem.error(path, "empty field entry", "give it a name and a type"));
            return;
        }
        checkName(field.name(), path + ".name", "field", Identifiers.CAMEL, "camelCase", Inflector::camel, problems);
        Optional<FieldType> type = keyword(FieldType.class, field.type(), path + ".type", "field type", problems);
        for (int k = 0; k < field.markers().size(); k++) {
            keyword(Marker.class, field.markers().get(k), path + ".markers[" + k + "]", "marker", problems);
        }
        if (type.isEmpty()) {
            return;
        }
        FieldType t = type.get();
        if (!t.numeric()) {
            if (field.min() != null) {
                problems.add(Problem.error(path + ".min", "min only applies to integer, decimal and money fields, not " + t.keyword(),
                        "remove min, or use minLength for text"));
            }
            if (field.max() != null) {
                problems.add(Problem.error(path + ".max", "max only applies to integer, decimal and money fields, not " + t.keyword(),
                        "remove max, or use maxLength for text"));
            }
        } else if (field.min() != null && field.max() != null && field.min().compareTo(field.max()) > 0) {
            problems.add(Problem.error(path + ".min", "min " + field.min().toPlainString() + " is greater than max " + field.max().toPlainString(),
                    "swap them or correct one"));
        }
        if (t == FieldType.INTEGER) {
            for (var bound : new Object[][] {{"min", field.min()}, {"max", field.max()}}) {
                if (bound[1] != null && ((java.math.BigDecimal) bound[1]).stripTrailingZeros().scale() > 0) {
                    problems.add(Problem.error(path + "." + bound[0], bound[0] + " of an integer field must be a whole number",
                            "use a whole number, or type decimal"));
                }
            }
        }
        if (t == FieldType.DECIMAL || t == FieldType.MONEY) {
            for (var bound : new Object[][] {{"min", field.min()}, {"max", field.max()}}) {
                checkDecimalBound(path + "." + bound[0], (String) bound[0], (java.math.BigDecimal) bound[1], problems);
            }
        }
        if (!t.textual()) {
            if (field.minLength() != null) {
                problems.add(Problem.error(path + ".minLength", "minLength only applies to text fields, not " + t.keyword(),
                        t.numeric() ? "use min instead" : "remove minLength"));
            }
            if (field.maxLength() != null) {
                problems.add(Problem.error(path + ".maxLength", "maxLength only applies to text fields, not " + t.keyword(),
                        t.numeric() ? "use max instead" : "remove maxLength"));
            }
            if (field.pattern() != null) {
                problems.add(Problem.error(path + ".pattern", "pattern only applies to text fields, not " + t.keyword(), "remove pattern"));
            }
        } else {
            if (field.minLength() != null && field.minLength() < 0) {
                problems.add(Problem.error(path + ".minLength", "minLength cannot be negative", "use 0 or more"));
            }
            if (field.maxLength() != null && field.maxLength() < 1) {
                problems.add(Problem.error(path + ".maxLength", "maxLength must be at least 1", "use 1 or more, or remove it"));
            }
            if (field.minLength() != null && field.maxLength() != null && field.minLength() > field.maxLength()) {
                problems.add(Problem.error(path + ".minLength", "minLength " + field.minLength() + " is greater than maxLength " + field.maxLength(),
                        "swap them or correct one"));
            }
            checkSampleable(field, t, path, problems);
        }
        if (t == FieldType.ENUM) {
            if (field.values().isEmpty()) {
                problems.add(Problem.error(path + ".values", "an enum field needs values", "add values: [first, second]"));
            }
            Set<String> seen = new HashSet<>();
            for (int k = 0; k < field.values().size(); k++) {
                String value = field.values().get(k);
                String valuePath = path + ".values[" + k + "]";
                if (value == null || !Identifiers.ENUM_VALUE.matcher(value).matches()) {
                    problems.add(Problem.error(valuePath, "enum value \"" + value + "\" is not an identifier",
                            value == null ? "remove the empty value" : "use \"" + Inflector.camel(value) + "\""));
                } else if (!seen.add(value)) {
                    problems.add(Problem.error(valuePath, "duplicate enum value \"" + value + "\"", "remove the duplicate"));
                }
            }
        } else if (!field.values().isEmpty()) {
            problems.add(Problem.error(path + ".values", "values only apply to enum fields, not " + t.keyword(),
                    "set type: enum, or remove values"));
        }
        if (Boolean.TRUE.equals(field.unique()) && (t == FieldType.BOOLEAN || t == FieldType.JSON)) {
            problems.add(Problem.error(path + ".unique", "unique is not supported on " + t.keyword() + " fields", "remove unique"));
        }
        // cardData on a non-string field: ModelValidator (it also sees fields that are card data by name)
        if (field.markers().contains(Marker.SEARCHABLE.keyword()) && (t == FieldType.BOOLEAN || t == FieldType.JSON || t == FieldType.FILE)) {
            problems.add(Problem.error(path + ".markers", "searchable is not supported on " + t.keyword() + " fields",
                    "remove the searchable marker"));
        }
    }

    /**
     * The pattern must run as a JavaScript RegExp (the API and UI check it there), and the generated
     * tests need a value that satisfies pattern, lengths and format together: a spec for which no
     * such value can be found would give an app whose own tests fail, so it is refused here.
     */
    private static void checkSampleable(FieldInput field, FieldType t, String path, List<Problem> problems) {
        if (field.pattern() != null) {
            try {
                Pattern.compile(field.pattern());
            } catch (PatternSyntaxException e) {
                problems.add(Problem.error(path + ".pattern", "invalid regular expression: " + e.getDescription()
                        + " near index " + e.getIndex(), "fix the expression (Java/ECMAScript syntax)"));
                return;
            }
            Optional<String> javaOnly = RegexDialect.javaOnlyConstruct(field.pattern());
            if (javaOnly.isPresent()) {
                problems.add(Problem.error(path + ".pattern", "the pattern uses " + javaOnly.get()
                                + ", which a JavaScript RegExp (the API's and the UI's check) does not support",
                        "rewrite it with classes, groups, alternatives, anchors and counted repeats only"));
                return;
            }
        }
        if (field.minLength() != null && field.maxLength() != null && field.minLength() > field.maxLength()) {
            return; // reported above
        }
        if (field.markers().contains(Marker.CARD_DATA.keyword()) || CardDataNames.saysCardData(field.name(), field.description())) {
            return; // stored as a payment-provider token: the tests send a token, not a value of this pattern
        }
        if (TextSamples.samples(t, "sample", field.minLength(), field.maxLength(), field.pattern()).isEmpty()) {
            String lengths = (field.minLength() == null ? "" : " minLength " + field.minLength())
                    + (field.maxLength() == null ? "" : " maxLength " + field.maxLength());
            if (field.pattern() != null) {
                problems.add(Problem.error(path + ".pattern", "no value matching the pattern" + (lengths.isEmpty() ? "" : " within" + lengths)
                                + (t == FieldType.STRING || t == FieldType.TEXT ? "" : " that is also a valid " + t.keyword())
                                + " could be generated for the app's tests",
                        "check that pattern and lengths agree; lookarounds and back-references are checked but not used to build values"));
            } else {
                problems.add(Problem.error(path + ".maxLength", "maxLength " + field.maxLength() + " is too short for any valid " + t.keyword(),
                        "raise maxLength (an e-mail address needs at least 7 characters, a URL at least 14)"));
            }
        }
    }

    private void checkRelation(RelationInput relation, String path, List<Problem> problems) {
        if (relation == null) {
            problems.add(Problem.error(path, "empty relation entry", "give it a name, a kind and a target"));
            return;
        }
        checkName(relation.name(), path + ".name", "relation", Identifiers.CAMEL, "camelCase", Inflector::camel, problems);
        if (relation.target() == null || relation.target().isBlank()) {
            problems.add(Problem.error(path + ".target", "missing target entity", "name the entity this relation points to"));
        }
        Optional<RelationKind> kind = keyword(RelationKind.class, relation.kind(), path + ".kind", "relation kind", problems);
        if (kind.isEmpty()) {
            return;
        }
        if (Boolean.TRUE.equals(relation.cascade()) && (kind.get() == RelationKind.MANY_TO_ONE || kind.get() == RelationKind.MANY_TO_MANY)) {
            problems.add(Problem.error(path + ".cascade", "cascade is not supported on " + kind.get().keyword()
                            + ": it deletes children with their parent, so it belongs on the parent's oneToMany or oneToOne side",
                    kind.get() == RelationKind.MANY_TO_ONE ? "remove cascade here and set it on the oneToMany relation of "
                            + relation.target() : "remove cascade (join rows are always deleted with either side)"));
        }
        if (Boolean.TRUE.equals(relation.required()) && kind.get().toMany()) {
            problems.add(Problem.error(path + ".required", "required is not supported on " + kind.get().keyword()
                            + ": the database cannot require a row to have children",
                    "remove required (enforce a minimum with a workflow or requirement instead)"));
        }
    }

    private void checkRole(RoleInput role, String path, List<Problem> problems) {
        if (role == null) {
            problems.add(Problem.error(path, "empty role entry", "give it a name and permissions"));
            return;
        }
        checkName(role.name(), path + ".name", "role", Identifiers.ROLE, "lower camelCase or kebab-case", Inflector::camel, problems);
        for (int j = 0; j < role.permissions().size(); j++) {
            PermissionInput permission = role.permissions().get(j);
            String permissionPath = path + ".permissions[" + j + "]";
            if (permission == null) {
                problems.add(Problem.error(permissionPath, "empty permission entry", "give it an entity and actions"));
                continue;
            }
            if (permission.entity() == null || permission.entity().isBlank()) {
                problems.add(Problem.error(permissionPath + ".entity", "missing entity",
                        "name the entity this permission is for, or \"*\" for every entity"));
            }
            if (permission.actions().isEmpty()) {
                problems.add(Problem.error(permissionPath + ".actions", "no actions",
                        "list some of: " + String.join(", ", Keyword.keywords(CrudAction.class))));
            }
            for (int k = 0; k < permission.actions().size(); k++) {
                keyword(CrudAction.class, permission.actions().get(k), permissionPath + ".actions[" + k + "]", "action", problems);
            }
        }
    }

    private void checkWorkflow(WorkflowInput workflow, String path, List<Problem> problems) {
        if (workflow == null) {
            problems.add(Problem.error(path, "empty workflow entry", "give it a name, a trigger and actions"));
            return;
        }
        checkName(workflow.name(), path + ".name", "workflow", Identifiers.KEBAB, "kebab-case", Inflector::kebab, problems);
        TriggerInput trigger = workflow.trigger();
        if (trigger == null) {
            problems.add(Problem.error(path + ".trigger", "missing trigger", "add trigger: {type: entityCreated, entity: ...}"));
        } else {
            keyword(TriggerType.class, trigger.type(), path + ".trigger.type", "trigger type", problems).ifPresent(type -> {
                switch (type) {
                    case SCHEDULE -> {
                        checkCron(trigger.schedule(), path + ".trigger.schedule", problems);
                        if (trigger.field() != null) {
                            problems.add(Problem.error(path + ".trigger.field", "field only applies to type fieldChanged",
                                    "remove field, or set type: fieldChanged"));
                        }
                        if (trigger.value() != null) {
                            problems.add(Problem.error(path + ".trigger.value", "value only applies to type fieldChanged",
                                    "remove value, or set type: fieldChanged"));
                        }
                    }
                    case ENTITY_CREATED, ENTITY_UPDATED, FIELD_CHANGED -> {
                        if (trigger.entity() == null) {
                            problems.add(Problem.error(path + ".trigger.entity", type.keyword() + " needs the entity it watches", "add entity: <EntityName>"));
                        }
                        if (trigger.schedule() != null) {
                            problems.add(Problem.error(path + ".trigger.schedule", "schedule only applies to type schedule",
                                    "remove schedule, or set type: schedule"));
                        }
                        if (type == TriggerType.FIELD_CHANGED && trigger.field() == null) {
                            problems.add(Problem.error(path + ".trigger.field", "fieldChanged needs the field it watches", "add field: <fieldName>"));
                        }
                        if (type != TriggerType.FIELD_CHANGED && trigger.field() != null) {
                            problems.add(Problem.error(path + ".trigger.field", "field only applies to type fieldChanged",
                                    "remove field, or set type: fieldChanged"));
                        }
                        if (type != TriggerType.FIELD_CHANGED && trigger.value() != null) {
                            problems.add(Problem.error(path + ".trigger.value", "value only applies to type fieldChanged",
                                    "remove value, or set type: fieldChanged"));
                        }
                    }
                }
            });
        }
        if (workflow.actions().isEmpty()) {
            problems.add(Problem.error(path + ".actions", "a workflow needs at least one action",
                    "add one of: " + String.join(", ", Keyword.keywords(ActionType.class))));
        }
        for (int j = 0; j < workflow.actions().size(); j++) {
            checkAction(workflow.actions().get(j), path + ".actions[" + j + "]", problems);
        }
    }

    private void checkCron(String schedule, String path, List<Problem> problems) {
        if (schedule == null || schedule.isBlank()) {
            problems.add(Problem.error(path, "type schedule needs a cron expression", "add schedule: \"0 7 * * *\" (minute hour day month weekday)"));
            return;
        }
        CronSchedule.problem(schedule).ifPresent(problem -> problems.add(Problem.error(path, "\"" + schedule + "\" cannot be scheduled: " + problem,
                "use minute hour day-of-month month day-of-week with *, values, ranges a-b, steps */n and lists a,b, e.g. \"0 7 * * 1-5\","
                        + " or one of " + String.join(", ", CronSchedule.MACROS))));
    }

    private void checkAction(ActionInput action, String path, List<Problem> problems) {
        if (action == null) {
            problems.add(Problem.error(path, "empty action entry", "give it a type"));
            return;
        }
        keyword(ActionType.class, action.type(), path + ".type", "action type", problems).ifPresent(type -> {
            switch (type) {
                case SEND_EMAIL -> {
                    require(action.to(), path + ".to", "sendEmail needs a recipient", "add to: \"{{customer.email}}\" or an address", problems);
                    if (action.template() == null && action.message() == null) {
                        problems.add(Problem.error(path + ".template", "sendEmail needs a template or a message", "add template: <name>"));
                    }
                }
                case CALL_WEBHOOK -> {
                    if (require(action.url(), path + ".url", "callWebhook needs a url", "add url: https://...", problems)) {
                        checkUrl(action.url(), path + ".url", problems);
                    }
                }
                case SET_FIELD -> {
                    require(action.field(), path + ".field", "setField needs the field to set", "add field: <fieldName>", problems);
                    require(action.value(), path + ".value", "setField needs the value to set", "add value: ...", problems);
                }
                case CREATE_ENTITY -> require(action.entity(), path + ".entity", "createEntity needs the entity to create",
                        "add entity: <EntityName>", problems);
                case NOTIFY -> require(action.message(), path + ".message", "notify needs a message", "add message: ...", problems);
                case CUSTOM -> require(action.message(), path + ".message", "a custom action is described by its message",
                        "add message: describing what the action does", problems);
            }
        });
    }

    private void checkUrl(String url, String path, List<Problem> problems) {
        try {
            URI uri = new URI(url);
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                problems.add(Problem.error(path, "\"" + url + "\" is not an absolute http(s) URL", "use https://host/path"));
            }
        } catch (URISyntaxException e) {
            problems.add(Problem.error(path, "\"" + url + "\" is not a URL: " + e.getReason(), "use https://host/path"));
        }
    }

    private void checkPage(PageInput page, String path, List<Problem> problems) {
        if (page == null) {
            problems.add(Problem.error(path, "empty page entry", "give it a name and a kind"));
            return;
        }
        checkName(page.name(), path + ".name", "page", Identifiers.KEBAB, "kebab-case, it is also the URL path segment",
                Inflector::kebab, problems);
        for (int k = 0; k < page.roles().size(); k++) {
            String role = page.roles().get(k);
            if (role == null || role.isBlank()) {
                problems.add(Problem.error(path + ".roles[" + k + "]", "empty role name", "remove the empty entry"));
            }
        }
        keyword(PageKind.class, page.kind(), path + ".kind", "page kind", problems).ifPresent(kind -> {
            if (kind.needsEntity() && (page.entity() == null || page.entity().isBlank())) {
                problems.add(Problem.error(path + ".entity", "a " + kind.keyword() + " page needs an entity", "add entity: <EntityName>"));
            }
        });
    }

    private static boolean require(String value, String path, String message, String fix, List<Problem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(Problem.error(path, message, fix));
            return false;
        }
        return true;
    }

    private static boolean checkName(String name, String path, String what, Pattern shape, String shapeName,
                                     java.util.function.UnaryOperator<String> convert, List<Problem> problems) {
        if (name == null || name.isBlank()) {
            problems.add(Problem.error(path, "missing " + what + " name", "add name: ..."));
            return false;
        }
        if (!shape.matcher(name).matches()) {
            String suggestion = convert.apply(name.replaceAll("[^A-Za-z0-9_ -]", " "));
            String fix = !suggestion.isEmpty() && shape.matcher(suggestion).matches()
                    ? "rename it to \"" + suggestion + "\"" : "use letters and digits, starting with a letter";
            problems.add(Problem.error(path, what + " name \"" + name + "\" is not a valid identifier (" + shapeName + ")", fix));
            return false;
        }
        return true;
    }

    private static <E extends Enum<E> & Keyword> Optional<E> keyword(Class<E> type, String value, String path, String what,
                                                                     List<Problem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(Problem.error(path, "missing " + what, "use one of: " + String.join(", ", Keyword.keywords(type))));
            return Optional.empty();
        }
        Optional<E> parsed = Keyword.parse(type, value);
        if (parsed.isEmpty()) {
            problems.add(Problem.error(path, "unknown " + what + " \"" + value + "\"", DidYouMean.fix(value, Keyword.keywords(type))));
        }
        return parsed;
    }

    /** The generated API takes decimals with up to 4 places and 15 whole digits (DecimalRange, numeric(19,4)): a bound beyond them admits no value it can check. */
    private static void checkDecimalBound(String path, String which, java.math.BigDecimal bound, List<Problem> problems) {
        if (bound == null) {
            return;
        }
        java.math.BigDecimal plain = bound.stripTrailingZeros();
        if (plain.scale() > DECIMAL_PLACES) {
            problems.add(Problem.error(path, which + " " + bound.toPlainString() + " has " + plain.scale()
                            + " decimal places; decimal and money values have at most " + DECIMAL_PLACES,
                    "round it to " + DECIMAL_PLACES + " places, e.g. " + bound.setScale(DECIMAL_PLACES, which.equals("min")
                            ? java.math.RoundingMode.CEILING : java.math.RoundingMode.FLOOR).toPlainString()));
        }
        if (plain.precision() - plain.scale() > DECIMAL_WHOLE_DIGITS) {
            problems.add(Problem.error(path, which + " " + bound.toPlainString() + " has more than " + DECIMAL_WHOLE_DIGITS
                    + " digits before the point, more than a decimal or money value holds", "use a bound of at most " + DECIMAL_WHOLE_DIGITS + " whole digits"));
        }
    }
}
