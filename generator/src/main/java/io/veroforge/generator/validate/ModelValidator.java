package io.veroforge.generator.validate;

import io.veroforge.generator.model.Action;
import io.veroforge.generator.model.CardDataNames;
import io.veroforge.generator.model.Entity;
import io.veroforge.generator.model.EntityNames;
import io.veroforge.generator.model.Field;
import io.veroforge.generator.model.FieldStorage;
import io.veroforge.generator.model.FieldType;
import io.veroforge.generator.model.Gap;
import io.veroforge.generator.model.Inflector;
import io.veroforge.generator.model.Marker;
import io.veroforge.generator.model.OriginKind;
import io.veroforge.generator.model.Page;
import io.veroforge.generator.model.Permission;
import io.veroforge.generator.model.Problem;
import io.veroforge.generator.model.Regime;
import io.veroforge.generator.model.Relation;
import io.veroforge.generator.model.ResolvedModel;
import io.veroforge.generator.model.Role;
import io.veroforge.generator.model.Trigger;
import io.veroforge.generator.model.TriggerType;
import io.veroforge.generator.model.Workflow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks the resolved model, whatever each element's origin: references between elements,
 * names reserved in SQL, TypeScript or Prisma (checked against the names the generated code
 * will really use), names that collide once mapped to tables and columns, relation
 * combinations no database can honour, and compliance combinations (encrypted or tokenized
 * data cannot be unique or searched).
 */
public final class ModelValidator {

    private static final Pattern EXPRESSION = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9_.]*)\\s*}}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^}]*)}}");
    /** A recipient that is every user with a role: {@code role:dispatcher}. */
    static final String ROLE_PREFIX = "role:";
    /** Reserved only on entities that get an owner column (an ownRowsOnly permission). */
    private static final String OWNER_FIELD = "ownerId";

    private final ReservedWords reserved;

    public ModelValidator() {
        this(ReservedWords.bundled());
    }

    public ModelValidator(ReservedWords reserved) {
        this.reserved = reserved;
    }

    public List<Problem> validate(ResolvedModel model) {
        List<Problem> problems = new ArrayList<>();
        checkEntityNames(model, problems);
        for (Entity entity : model.entities()) {
            checkMembers(model, entity, problems);
            checkJoinTableNames(entity, problems);
            checkRelationTargets(model, entity, problems);
            checkCompliance(model, entity, problems);
        }
        checkRequiredCycles(model, problems);
        checkSharedJoinTables(model, problems);
        checkRoles(model, problems);
        checkDuplicates(model.workflows().stream().map(w -> new Named(w.name(), w.path())).toList(), "workflow", problems);
        for (Workflow workflow : model.workflows()) {
            problems.addAll(checkWorkflow(workflow, model));
        }
        checkPages(model, problems);
        checkGapBudget(model, problems);
        return problems;
    }

    private record Named(String name, String path) {
    }

    private void checkEntityNames(ResolvedModel model, List<Problem> problems) {
        Map<String, Entity> byKey = new HashMap<>();
        Set<String> enumTypes = new HashSet<>();
        model.entities().forEach(e -> enumTypes.add(e.name()));
        for (Entity entity : model.entities()) {
            String name = entity.name();
            String path = entity.path() + ".name";
            EntityNames names = entity.names();
            Entity clash = null;
            String clashKey = null;
            for (String key : List.of(Inflector.snake(name), names.table())) {
                Entity other = byKey.get(key);
                if (other != null && clash == null) {
                    clash = other;
                    clashKey = key;
                }
            }
            if (clash != null) {
                if (clash.name().equals(name)) {
                    problems.add(Problem.error(path, "duplicate entity \"" + name + "\" (also " + clash.path() + ")",
                            "remove one of them or give it another name"));
                } else {
                    problems.add(Problem.error(path, "entity \"" + name + "\" collides with \"" + clash.name()
                                    + "\" once names are mapped to tables and types (both become \"" + clashKey + "\")",
                            "rename one of them"));
                }
                continue;
            }
            byKey.put(Inflector.snake(name), entity);
            byKey.put(names.table(), entity);
            if (reserved.prisma().contains(name)) {
                problems.add(Problem.error(path, "\"" + name + "\" is reserved in Prisma and cannot name a model",
                        "rename it, e.g. \"" + name + "Record\""));
            } else if (reserved.generatorEntities().contains(name)) {
                problems.add(Problem.error(path, "\"" + name + "\" is a table the generated app creates for itself",
                        "rename it, e.g. \"App" + name + "\""));
            } else if (reserved.typescript().contains(names.camel())) {
                problems.add(Problem.error(path, "entity \"" + name + "\" becomes the variable \"" + names.camel()
                        + "\", which is reserved in TypeScript", "rename it, e.g. \"" + name + "Item\""));
            } else if (reserved.sqlReserved(names.table())) {
                problems.add(Problem.error(path, "entity \"" + name + "\" becomes the table \"" + names.table()
                        + "\", which is reserved in SQL", "rename it"));
            }
            if (names.table().length() > Identifiers.MAX_SQL_IDENTIFIER) {
                problems.add(Problem.error(path, "table name \"" + names.table() + "\" is longer than PostgreSQL's "
                        + Identifiers.MAX_SQL_IDENTIFIER + " characters", "use a shorter name"));
            }
        }
        for (Entity entity : model.entities()) {
            for (Field field : entity.fields()) {
                String enumType = field.enumTypeName();
                if (enumType != null && !enumTypes.add(enumType)) {
                    problems.add(Problem.error(field.path() + ".name", "the enum type of " + entity.name() + "." + field.name()
                                    + " is named \"" + enumType + "\", which is already an entity or enum type",
                            "rename the field or the entity \"" + enumType + "\""));
                }
            }
        }
    }

    private void checkMembers(ResolvedModel model, Entity entity, List<Problem> problems) {
        Map<String, Claimed> byName = new HashMap<>();
        Map<String, String> byColumn = new HashMap<>();
        // system columns every generated table has (id, tenant_id, …)
        reserved.generatorFields().stream().filter(f -> !OWNER_FIELD.equals(f) || entity.ownerField() != null)
                .forEach(f -> byColumn.put(Inflector.snake(f), "the generated column \"" + Inflector.snake(f) + "\""));
        for (Field field : entity.fields()) {
            String path = field.path() + ".name";
            String label = "field \"" + field.name() + "\"";
            boolean ownerColumnFree = OWNER_FIELD.equals(field.name()) && entity.ownerField() == null;
            if (reserved.generatorFields().contains(field.name()) && !ownerColumnFree) {
                problems.add(Problem.error(path, "\"" + field.name() + "\" is a column every generated table already has",
                        "remove it (the generated app maintains it)"));
                continue;
            }
            if (!claim(byName, byColumn, field.name(), field.column(), label, path, entity, problems)) {
                continue;
            }
            checkReservedMember(field.name(), field.column(), "field", path, entity, problems);
        }
        for (Relation relation : entity.relations()) {
            String path = relation.path() + ".name";
            String label = "relation \"" + relation.name() + "\"";
            if (relation.origin().kind() == OriginKind.DERIVED) {
                label = "relation \"" + relation.name() + "\" (the inverse of " + relation.target() + "." + relation.inverseName() + ")";
            }
            String column = relation.foreignKeyColumn();
            if (!claim(byName, byColumn, relation.name(), column, label, path, entity, problems)) {
                continue;
            }
            checkReservedMember(relation.name(), column, "relation", path, entity, problems);
        }
    }

    private record Claimed(String name, String label) {
    }

    /** Records a member's name and column; reports a duplicate or a collision after case mapping. */
    private static boolean claim(Map<String, Claimed> byName, Map<String, String> byColumn, String name, String column,
                                 String label, String path, Entity entity, List<Problem> problems) {
        String lower = name.toLowerCase();
        Claimed previous = byName.get(lower);
        if (previous != null) {
            boolean same = previous.name().equals(name);
            problems.add(Problem.error(path, same
                            ? "duplicate " + label + " in entity " + entity.name() + " (also " + previous.label() + ")"
                            : label + " collides with " + previous.label() + " in entity " + entity.name() + " (names differ only in case)",
                    "remove one of them or rename it"));
            return false;
        }
        if (column != null && byColumn.containsKey(column)) {
            problems.add(Problem.error(path, label + " becomes the column \"" + column + "\", which collides with "
                    + byColumn.get(column) + " in entity " + entity.name(), "rename it"));
            return false;
        }
        byName.put(lower, new Claimed(name, label));
        if (column != null) {
            byColumn.put(column, label);
        }
        return true;
    }

    private void checkReservedMember(String name, String column, String what, String path, Entity entity, List<Problem> problems) {
        String better = entity.names().camel() + Inflector.pascal(name);
        if (reserved.typescript().contains(name)) {
            problems.add(Problem.error(path, what + " name \"" + name + "\" is reserved in TypeScript", "rename it, e.g. \"" + better + "\""));
        } else if (column != null && reserved.sqlReserved(column)) {
            problems.add(Problem.error(path, what + " \"" + name + "\" becomes the column \"" + column + "\", which is reserved in SQL",
                    "rename it, e.g. \"" + better + "\""));
        }
        if (column != null && column.length() > Identifiers.MAX_SQL_IDENTIFIER) {
            problems.add(Problem.error(path, "column \"" + column + "\" is longer than PostgreSQL's " + Identifiers.MAX_SQL_IDENTIFIER
                    + " characters", "use a shorter name"));
        }
    }

    /**
     * A many-to-many's join table is named after both tables, so long entity names give constraint and index names
     * over PostgreSQL's 63 characters. PostgreSQL cuts them silently, which works until two of them are cut to the same
     * name (the migration fails), and Prisma refuses two foreign keys whose default names it cuts alike.
     */
    private static void checkJoinTableNames(Entity entity, List<Problem> problems) {
        for (Relation r : entity.relations()) {
            boolean self = r.entity().equals(r.target());
            if (r.kind() != io.veroforge.generator.model.RelationKind.MANY_TO_MANY || r.inverseName() == null
                    || !(r.entity().compareTo(r.target()) < 0 || self && r.name().compareTo(r.inverseName()) < 0)) {
                continue;   // the other side defines the join table
            }
            String join = r.joinTable();
            String left = (self ? Inflector.snake(r.name()) : Inflector.snake(r.entity())) + "_id";
            String right = (self ? Inflector.snake(r.inverseName()) : Inflector.snake(r.target())) + "_id";
            List<List<String>> namespaces = List.of(
                    List.of(join, join + "_pkey", join + "_" + right + "_idx"),                      // tables and indexes
                    List.of(join + "_pkey", join + "_" + left + "_fkey", join + "_" + right + "_fkey"),  // constraints of the table
                    List.of(prismaName(join, "pkey"), prismaName(join + "_" + left, "fkey"), prismaName(join + "_" + right, "fkey")));
            for (List<String> names : namespaces) {
                Set<String> cut = new HashSet<>();
                for (String name : names) {
                    String truncated = name.length() > Identifiers.MAX_SQL_IDENTIFIER ? name.substring(0, Identifiers.MAX_SQL_IDENTIFIER) : name;
                    if (!cut.add(truncated)) {
                        problems.add(Problem.error(r.path() + ".name", "the join table \"" + join + "\" of " + r.entity() + "." + r.name()
                                        + " is " + join.length() + " characters, so two of its constraint or index names are cut to the same \""
                                        + truncated + "\" (PostgreSQL keeps " + Identifiers.MAX_SQL_IDENTIFIER + " characters)",
                                "shorten the name of " + r.entity() + " or " + r.target() + " (the join table joins both table names), "
                                        + "so that \"" + join + "\" has at most about 45 characters"));
                        break;
                    }
                }
                if (problems.stream().anyMatch(p -> p.path().equals(r.path() + ".name"))) {
                    break;
                }
            }
        }
    }

    /**
     * The join table is named after the two tables only, so two many-to-many relations between the same pair of
     * entities would write into one table (and the second CREATE TABLE fails). Renaming join tables by relation would
     * move the links of every deployed app, so the second relation is refused with a way to model it.
     */
    private static void checkSharedJoinTables(ResolvedModel model, List<Problem> problems) {
        Map<String, Relation> byJoin = new HashMap<>();
        for (Entity entity : model.entities()) {
            for (Relation r : entity.relations()) {
                if (r.kind() != io.veroforge.generator.model.RelationKind.MANY_TO_MANY || r.origin().kind() == OriginKind.DERIVED) {
                    continue;
                }
                Relation first = byJoin.putIfAbsent(r.joinTable(), r);
                if (first != null && !(first.entity().equals(r.target()) && first.name().equals(r.inverseName()))) {
                    problems.add(Problem.error(r.path() + ".name", r.entity() + "." + r.name() + " is a second many-to-many between "
                                    + r.entity() + " and " + r.target() + " (the first is " + first.entity() + "." + first.name()
                                    + "): both would use the join table \"" + r.joinTable() + "\"",
                            "keep one many-to-many and model the other as an entity of its own with a manyToOne to each (e.g. "
                                    + r.entity() + "Assignment with relations to " + r.entity() + " and " + r.target() + ")"));
                }
            }
        }
    }

    /** Prisma's default constraint name: the table and columns cut to leave room for the suffix. */
    private static String prismaName(String base, String suffix) {
        int room = Identifiers.MAX_SQL_IDENTIFIER - suffix.length() - 1;
        return (base.length() > room ? base.substring(0, room) : base) + "_" + suffix;
    }

    private void checkRelationTargets(ResolvedModel model, Entity entity, List<Problem> problems) {
        for (Relation relation : entity.relations()) {
            if (model.entity(relation.target()).isEmpty()) {
                problems.add(unknownEntity(model, relation.path() + ".target", relation.target()));
            }
        }
    }

    private static Problem unknownEntity(ResolvedModel model, String path, String name) {
        List<String> names = model.entities().stream().map(Entity::name).toList();
        String fix = DidYouMean.closest(name, names).map(s -> "did you mean \"" + s + "\"?")
                .orElse("declare entity \"" + name + "\" or use one of: " + String.join(", ", names));
        return Problem.error(path, "unknown entity \"" + name + "\"", fix);
    }

    private void checkCompliance(ResolvedModel model, Entity entity, List<Problem> problems) {
        for (Field field : entity.fields()) {
            String path = field.path();
            if (field.storage() == FieldStorage.ENCRYPTED) {
                if (field.unique()) {
                    problems.add(Problem.error(path + ".unique", entity.name() + "." + field.name()
                                    + " holds PHI, which HIPAA encrypts with pgcrypto (randomised), so uniqueness cannot be enforced",
                            "remove unique, or remove the phi marker if the value is not health information"));
                }
                if (field.has(Marker.SEARCHABLE)) {
                    problems.add(Problem.error(path + ".markers", entity.name() + "." + field.name()
                                    + " holds PHI, which HIPAA encrypts at rest, so it cannot be searched in the database",
                            "remove the searchable marker, or the phi marker"));
                }
            }
            if (field.storage() == FieldStorage.TOKENIZED) {
                if (field.unique()) {
                    problems.add(Problem.error(path + ".unique", entity.name() + "." + field.name()
                            + " is card data, stored only as a payment-provider token, so its uniqueness cannot be enforced", "remove unique"));
                }
                if (field.has(Marker.SEARCHABLE)) {
                    problems.add(Problem.error(path + ".markers", entity.name() + "." + field.name()
                            + " is card data, stored only as a token, so it cannot be searched", "remove the searchable marker"));
                }
            }
            boolean namedCard = CardDataNames.saysCardData(field.name(), field.description());
            String why = namedCard ? " is card data (its name or description says so)" : " is marked cardData";
            if (field.has(Marker.CARD_DATA) && field.type() != FieldType.STRING) {
                problems.add(Problem.error(path + (namedCard ? ".type" : ".markers"), entity.name() + "." + field.name() + why
                                + "; cardData applies to the card number, a string field, not " + field.type().keyword()
                                + " (it is stored only as a payment-provider token)",
                        namedCard ? "use type: string (the column holds a token), or rename the field if it is not card data"
                                : "use type: string, or remove the cardData marker"));
            }
            if (field.has(Marker.CARD_DATA) && !model.compliance().applies(Regime.PCI)) {
                problems.add(Problem.error(path + ".markers", entity.name() + "." + field.name()
                                + why + " but compliance.pci is false; card data is never stored raw",
                        "remove pci: false (the field becomes a tokenized reference)"
                                + (namedCard ? ", or rename the field if it is not card data" : ", or remove the cardData marker")));
            }
            if (field.has(Marker.PHI) && !model.compliance().applies(Regime.HIPAA)) {
                problems.add(Problem.warning(path + ".markers", entity.name() + "." + field.name()
                        + " is marked phi but HIPAA is off, so it is stored unencrypted", "remove hipaa: false to encrypt PHI at rest"));
            }
        }
    }

    private void checkRequiredCycles(ResolvedModel model, List<Problem> problems) {
        // an owning, required relation means "this row cannot exist before the target row"
        Map<String, List<Relation>> edges = new LinkedHashMap<>();
        for (Entity entity : model.entities()) {
            for (Relation relation : entity.relations()) {
                if (relation.owning() && relation.required() && model.entity(relation.target()).isPresent()) {
                    if (relation.target().equals(entity.name())) {
                        problems.add(Problem.error(relation.path() + ".required", "required relation \"" + relation.name()
                                        + "\" points at its own entity " + entity.name() + ", so the first row could never be inserted",
                                "make it optional"));
                    } else {
                        edges.computeIfAbsent(entity.name(), k -> new ArrayList<>()).add(relation);
                    }
                }
            }
        }
        Set<String> reported = new HashSet<>();
        for (String start : edges.keySet()) {
            List<Relation> cycle = findCycle(start, start, edges, new LinkedHashSet<>(), new ArrayList<>());
            if (cycle != null) {
                List<String> members = cycle.stream().map(Relation::entity).sorted().toList();
                if (reported.add(String.join(",", members))) {
                    Relation first = cycle.get(0);
                    String chain = String.join(" → ", cycle.stream().map(r -> r.entity() + "." + r.name()).toList()) + " → " + start;
                    problems.add(Problem.error(first.path() + ".required", "required relations form a cycle (" + chain
                            + "), so no row of them could be inserted first", "make one relation of the cycle optional"));
                }
            }
        }
    }

    private static List<Relation> findCycle(String start, String at, Map<String, List<Relation>> edges, Set<String> visiting,
                                            List<Relation> trail) {
        if (!visiting.add(at)) {
            return null;
        }
        for (Relation relation : edges.getOrDefault(at, List.of())) {
            trail.add(relation);
            if (relation.target().equals(start)) {
                return new ArrayList<>(trail);
            }
            List<Relation> found = findCycle(start, relation.target(), edges, visiting, trail);
            if (found != null) {
                return found;
            }
            trail.remove(trail.size() - 1);
        }
        return null;
    }

    private void checkRoles(ResolvedModel model, List<Problem> problems) {
        checkDuplicates(model.roles().stream().map(r -> new Named(r.name(), r.path())).toList(), "role", problems);
        for (Role role : model.roles()) {
            // the resolver merges several grants for one entity (a "*" plus a specific one add up)
            for (Permission permission : role.permissions()) {
                String path = permission.path() != null ? permission.path() : role.path() + ".permissions";
                if (model.entity(permission.entity()).isEmpty()) {
                    problems.add(unknownEntity(model, path + ".entity", permission.entity()));
                }
            }
        }
    }

    private static void checkDuplicates(List<Named> named, String what, List<Problem> problems) {
        Map<String, Named> seen = new HashMap<>();
        for (Named n : named) {
            Named previous = seen.putIfAbsent(n.name().toLowerCase(), n);
            if (previous != null) {
                problems.add(Problem.error(n.path() + ".name", "duplicate " + what + " \"" + n.name() + "\" (also " + previous.path() + ")",
                        "remove one of them or rename it"));
            }
        }
    }

    /** The checks of one workflow against a model; also used to keep only the vertical workflows that fit an app. */
    public List<Problem> checkWorkflow(Workflow workflow, ResolvedModel model) {
        List<Problem> problems = new ArrayList<>();
        Trigger trigger = workflow.trigger();
        String path = workflow.path();
        Optional<Entity> subject = Optional.empty();
        if (trigger.entity() != null) {
            subject = model.entity(trigger.entity());
            if (subject.isEmpty()) {
                problems.add(unknownEntity(model, path + ".trigger.entity", trigger.entity()));
            }
        }
        if (trigger.type() == TriggerType.FIELD_CHANGED && subject.isPresent() && trigger.field() != null
                && !hasMember(subject.get(), trigger.field())) {
            problems.add(unknownMember(subject.get(), path + ".trigger.field", trigger.field()));
        } else if (trigger.value() != null && subject.isPresent() && trigger.field() != null) {
            subject.get().field(trigger.field()).ifPresent(f -> checkValue(f, trigger.value(), path + ".trigger.value", problems));
        }
        for (int j = 0; j < workflow.actions().size(); j++) {
            checkAction(workflow.actions().get(j), path + ".actions[" + j + "]", subject, model, problems);
        }
        return problems;
    }

    private void checkAction(Action action, String path, Optional<Entity> subject, ResolvedModel model, List<Problem> problems) {
        switch (action.type()) {
            case SEND_EMAIL -> {
                checkRecipient(action, path + ".to", subject, model, problems);
                checkMessage(action, path + ".message", subject, model, problems);
            }
            case SET_FIELD -> {
                Optional<Entity> target = subject;
                if (action.entity() != null) {
                    target = model.entity(action.entity());
                    if (target.isEmpty()) {
                        problems.add(unknownEntity(model, path + ".entity", action.entity()));
                    }
                } else if (subject.isEmpty()) {
                    problems.add(Problem.error(path + ".entity", "setField needs an entity: the trigger has none",
                            "add entity: <EntityName>"));
                }
                if (target.isPresent() && action.field() != null) {
                    Optional<Field> field = target.get().field(action.field());
                    if (field.isEmpty()) {
                        problems.add(unknownMember(target.get(), path + ".field", action.field()));
                    } else if (action.value() != null) {
                        checkValue(field.get(), action.value(), path + ".value", problems);
                        if (field.get().unique()) {
                            // the same constant goes into every row the workflow runs on: the second such row would collide
                            problems.add(Problem.error(path + ".field", "setField writes the constant \"" + action.value() + "\" into "
                                    + field.get().entity() + "." + field.get().name() + ", which is unique",
                                    "drop unique: true from the field, or compute the value in a custom action"));
                        }
                    }
                }
            }
            case CREATE_ENTITY -> {
                if (action.entity() != null && model.entity(action.entity()).isEmpty()) {
                    problems.add(unknownEntity(model, path + ".entity", action.entity()));
                }
            }
            case NOTIFY -> {
                checkRecipient(action, path + ".to", subject, model, problems);
                checkMessage(action, path + ".message", subject, model, problems);
            }
            case CALL_WEBHOOK, CUSTOM -> {
                // the URL is checked with the input; a custom action is a gap, not a reference
            }
        }
    }

    /**
     * A recipient ({@code to}) is {@code role:<name>}, an e-mail address, or a {@code {{field}}} /
     * {@code {{relation.field}}} expression on the triggering row; a notification may also name a role bare.
     */
    private void checkRecipient(Action action, String path, Optional<Entity> subject, ResolvedModel model, List<Problem> problems) {
        String to = action.to() == null ? null : action.to().trim();
        if (to == null) {
            return;
        }
        boolean notify = action.type() == io.veroforge.generator.model.ActionType.NOTIFY;
        String role = to.startsWith(ROLE_PREFIX) ? to.substring(ROLE_PREFIX.length())
                : notify && !to.contains("@") && !to.contains("{{") ? to : null;
        if (role != null) {
            if (model.roles().stream().noneMatch(r -> r.name().equals(role))) {
                List<String> roles = model.roles().stream().map(Role::name).toList();
                problems.add(Problem.error(path, "there is no role \"" + role + "\"", DidYouMean.closest(role, roles)
                        .map(s -> "did you mean \"" + ROLE_PREFIX + s + "\"?").orElse("use one of: " + roles.stream()
                                .map(r -> ROLE_PREFIX + r).reduce((a, b) -> a + ", " + b).orElse(""))));
            }
            return;
        }
        Matcher expression = EXPRESSION.matcher(to);
        if (!expression.matches()) {
            if (!to.contains("@")) {
                problems.add(Problem.error(path, "\"" + to + "\" is neither an email address, role:<name> nor a {{field}} expression",
                        "use an address, role:<name>, or e.g. \"{{customer.email}}\""));
            }
            return;
        }
        if (subject.isEmpty()) {
            problems.add(Problem.error(path, "\"" + to + "\" refers to a field, but the trigger has no entity",
                    "use a fixed address, or give the trigger an entity"));
            return;
        }
        checkPath(expression.group(1), subject.get(), path, model, problems);
    }

    /** Placeholders in a message ({@code Invoice {{number}} for {{customer.name}}}) resolve like recipients. */
    private void checkMessage(Action action, String path, Optional<Entity> subject, ResolvedModel model, List<Problem> problems) {
        if (action.message() == null) {
            return;
        }
        Matcher placeholder = PLACEHOLDER.matcher(action.message());
        while (placeholder.find()) {
            String expr = placeholder.group(1).trim();
            if (subject.isEmpty()) {
                problems.add(Problem.error(path, "\"{{" + expr + "}}\" refers to a field, but the trigger has no entity",
                        "write the text without placeholders, or give the trigger an entity"));
            } else if (!expr.matches("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)*")) {
                problems.add(Problem.error(path, "\"{{" + expr + "}}\" is not a field path", "write {{field}} or {{relation.field}}"));
            } else {
                checkPath(expr, subject.get(), path, model, problems);
            }
        }
    }

    /**
     * Walks {@code a.b.field} from the triggering entity: every segment but the last is a relation
     * to one row (a list has no single value), the last a plain field (encrypted or tokenized
     * values are never put in a message).
     */
    private void checkPath(String expression, Entity from, String path, ResolvedModel model, List<Problem> problems) {
        String[] segments = expression.split("\\.");
        Entity at = from;
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            Optional<Relation> relation = at.relation(segment);
            if (relation.isPresent() && i < segments.length - 1) {
                if (relation.get().kind().toMany()) {
                    problems.add(Problem.error(path, "\"{{" + expression + "}}\": " + at.name() + "." + segment + " is a list ("
                            + relation.get().kind().keyword() + "), which has no single value",
                            "follow relations to one row only (manyToOne or oneToOne), e.g. from the other side"));
                    return;
                }
                Optional<Entity> next = model.entity(relation.get().target());
                if (next.isEmpty()) {
                    return; // the unknown target is reported with the relation
                }
                at = next.get();
                continue;
            }
            Optional<Field> field = at.field(segment);
            if (field.isEmpty() || i < segments.length - 1) {
                Problem unknown = unknownMember(at, path, segment);
                problems.add(Problem.error(path, "\"{{" + expression + "}}\": " + unknown.message(), unknown.fix()));
                return;
            }
            if (field.get().storage() != FieldStorage.PLAIN) {
                problems.add(Problem.error(path, "\"{{" + expression + "}}\": " + at.name() + "." + segment + " is stored "
                        + field.get().storage().name().toLowerCase() + " and is never copied into a message",
                        "use a field that is stored plain"));
            }
            return;
        }
    }

    private static void checkValue(Field field, String value, String path, List<Problem> problems) {
        if (value.contains("{{")) {
            return; // a placeholder: its value is only known when the workflow runs
        }
        String problem = switch (field.type()) {
            case ENUM -> field.values().contains(value) ? null : "is not one of " + field.values();
            case BOOLEAN -> value.equals("true") || value.equals("false") ? null : "is not true or false";
            case INTEGER -> parses(() -> Long.parseLong(value)) ? null : "is not a whole number";
            case DECIMAL, MONEY -> parses(() -> new BigDecimal(value)) ? null : "is not a number";
            case DATE -> value.equals("today") || value.equals("today()") || value.equals("now()") || parses(() -> LocalDate.parse(value))
                    ? null : "is not a date (yyyy-mm-dd, today or now())";
            case DATETIME -> value.equals("now") || value.equals("now()") || parses(() -> OffsetDateTime.parse(value))
                    ? null : "is not a date-time (ISO-8601, now or now())";
            default -> null;
        };
        if (problem == null) {
            problem = constraintBroken(field, value);
        }
        if (problem != null) {
            String fix = field.type() == io.veroforge.generator.model.FieldType.ENUM
                    ? DidYouMean.fix(value, field.values()) : "use a value of type " + field.type().keyword();
            problems.add(Problem.error(path, "\"" + value + "\" " + problem + " (" + field.entity() + "." + field.name() + ")", fix));
        }
    }

    /** The field's own constraints (lengths, pattern, range), which a workflow's write would otherwise bypass; null when kept. */
    private static String constraintBroken(Field field, String value) {
        if (field.type().textual()) {
            if (field.minLength() != null && value.length() < field.minLength()) {
                return "is shorter than minLength " + field.minLength();
            }
            if (field.maxLength() != null && value.length() > field.maxLength()) {
                return "is longer than maxLength " + field.maxLength();
            }
            if (field.pattern() != null && !java.util.regex.Pattern.compile(field.pattern()).matcher(value).find()) {
                return "does not match the pattern " + field.pattern();
            }
        }
        if (field.type() == FieldType.INTEGER || field.type() == FieldType.DECIMAL || field.type() == FieldType.MONEY) {
            BigDecimal number = new BigDecimal(value);
            if (field.min() != null && number.compareTo(field.min()) < 0) {
                return "is below min " + field.min().toPlainString();
            }
            if (field.max() != null && number.compareTo(field.max()) > 0) {
                return "is above max " + field.max().toPlainString();
            }
        }
        return null;
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (NumberFormatException | DateTimeParseException e) {
            return false;
        }
    }

    private static boolean hasMember(Entity entity, String name) {
        return entity.field(name).isPresent() || entity.relation(name).isPresent();
    }

    private static Problem unknownMember(Entity entity, String path, String name) {
        List<String> members = Stream.concat(entity.fields().stream().map(Field::name), entity.relations().stream().map(Relation::name)).toList();
        return Problem.error(path, "entity " + entity.name() + " has no field \"" + name + "\"", DidYouMean.fix(name, members));
    }

    private void checkPages(ResolvedModel model, List<Problem> problems) {
        checkDuplicates(model.pages().stream().map(p -> new Named(p.name(), p.path())).toList(), "page", problems);
        List<String> roles = model.roles().stream().map(Role::name).toList();
        for (Page page : model.pages()) {
            Optional<Entity> entity = page.entity() == null ? Optional.empty() : model.entity(page.entity());
            if (page.entity() != null && entity.isEmpty()) {
                problems.add(unknownEntity(model, page.path() + ".entity", page.entity()));
            }
            for (int k = 0; k < page.roles().size(); k++) {
                String role = page.roles().get(k);
                if (!roles.contains(role)) {
                    problems.add(Problem.error(page.path() + ".roles[" + k + "]", "there is no role \"" + role + "\"",
                            DidYouMean.fix(role, roles)));
                }
            }
            if (entity.isPresent() && page.field() == null) {
                switch (page.kind()) {
                    case KANBAN -> problems.add(Problem.error(page.path() + ".kind", "a kanban board groups rows by an enum field, and "
                            + page.entity() + " has none", "add an enum field (e.g. status) to " + page.entity() + ", or use kind: list"));
                    case CALENDAR -> problems.add(Problem.error(page.path() + ".kind", "a calendar places rows by a date or datetime field, and "
                            + page.entity() + " has none", "add a datetime field (e.g. scheduledAt) to " + page.entity() + ", or use kind: list"));
                    default -> {
                    }
                }
            }
        }
    }

    private void checkGapBudget(ResolvedModel model, List<Problem> problems) {
        List<Gap> gaps = model.gaps();
        if (gaps.isEmpty()) {
            return;
        }
        if (!model.ai().enabled()) {
            problems.add(Problem.warning("ai.enabled", gaps.size() + " gap(s) need AI gap filling, which is off; they will be left as"
                    + " marked TODOs in the generated code", "set ai.enabled: true to fill them"));
        } else if (gaps.size() > model.ai().maxGapsPerGeneration()) {
            problems.add(Problem.warning("ai.maxGapsPerGeneration", gaps.size() + " gaps exceed the limit of "
                    + model.ai().maxGapsPerGeneration() + "; the rest are left as marked TODOs", "raise the limit or split the requirements"));
        }
    }

}
