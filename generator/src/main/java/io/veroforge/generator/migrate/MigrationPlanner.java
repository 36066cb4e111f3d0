package io.veroforge.generator.migrate;

import io.veroforge.generator.migrate.PlannedStep.Phase;

import io.veroforge.generator.model.Field;
import io.veroforge.generator.model.FieldStorage;
import io.veroforge.generator.model.FieldType;
import io.veroforge.generator.model.ResolvedModel;
import io.veroforge.generator.synthesize.AppView;
import io.veroforge.generator.synthesize.EntityView;
import io.veroforge.generator.synthesize.FieldSql;
import io.veroforge.generator.synthesize.RelationView;
import io.veroforge.generator.synthesize.SchemaSql;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plans the schema migration from the deployed model to the next one.
 *
 * <p>The first deployment is the pack's schema exactly as a fresh install writes it
 * ({@code db/schema.sql}, then {@code db/audit.sql} when the app keeps an audit log). Later
 * generations are compared by entity, field and relation <em>name</em>:
 * <ul>
 *   <li>added entity: its table as the pack renders it (columns, checks, unique keys, indexes, RLS
 *       enabled and forced, policy), its join tables, then its foreign keys once every table exists;
 *   <li>added field: {@code ADD COLUMN} with the pack's column DDL, checks, unique key and index. A
 *       required field gets a placeholder default that satisfies its checks, which is dropped again
 *       at once, so existing rows do not fail and the column ends up exactly as on a fresh install;
 *       where no placeholder is valid (encrypted, uuid, dates, minimum lengths) the column is added
 *       without {@code NOT NULL} and the step says so;
 *   <li>type change: widening (longer varchar, varchar to text, integer to bigint or numeric, more
 *       numeric digits) is additive; anything else is destructive ({@code USING} cast). A storage
 *       change (plain, encrypted, tokenized) is a destructive drop and add: a cast cannot encrypt;
 *   <li>required false to true: {@code SET NOT NULL}, not destructive but fails while rows hold NULL;
 *       true to false: {@code DROP NOT NULL};
 *   <li>unique keys, checks and search indexes are added and dropped by their pack names; adding
 *       one fails while existing rows violate it, dropping one loses no data;
 *   <li>added relation: foreign key column, constraint and index (a required one is added without
 *       {@code NOT NULL}: existing rows reference nothing yet); many-to-many: its join table;
 *   <li>removed entity, field, relation or join table: dropped, destructive.
 * </ul>
 * When the deployed generation used another template pack revision, tables both models have are also brought to
 * what this revision writes, with statements that are safe to run on a schema that already has them
 * ({@link PackUpgrade}): the tenant policy reading its setting once per statement, the list-order and trigram
 * indexes. So an app generated before them gets them on its next migration.
 * A rename cannot be told from a removal plus an addition, so it is planned as one: destructive,
 * the old column's (or table's) data is lost. Unchanged models give an empty plan. Deterministic.
 */
public final class MigrationPlanner {

    private static final Pattern CONSTRAINT_NAME = Pattern.compile("^CONSTRAINT (\\S+) ");
    private static final Pattern VARCHAR = Pattern.compile("varchar\\((\\d+)\\)");
    private static final Pattern NUMERIC = Pattern.compile("numeric(?:\\((\\d+)(?:,\\s*(\\d+))?\\))?");

    private MigrationPlanner() {
    }

    /**
     * @param deployed the model of the deployed generation, or null for the first deployment
     * @param next the model of the generation to deploy
     */
    public static MigrationPlan plan(ResolvedModel deployed, ResolvedModel next) {
        Objects.requireNonNull(next, "next");
        SchemaSql nextSql = SchemaSql.of(next);
        if (deployed == null) {
            return firstDeployment(nextSql);
        }
        boolean packChanged = !Objects.equals(deployed.templatePack() == null ? null : deployed.templatePack().revision(),
                next.templatePack() == null ? null : next.templatePack().revision());
        return new Diff(SchemaSql.of(deployed), nextSql, packChanged).plan();
    }

    private static MigrationPlan firstDeployment(SchemaSql sql) {
        List<PlannedStep> steps = new ArrayList<>();
        List<String> tables = sql.app().entities().stream().map(e -> e.names().table()).toList();
        steps.add(new PlannedStep("create schema: tables " + String.join(", ", tables) + " with row-level security ("
                + SchemaSql.SCHEMA_FILE + ")", sql.schemaFile(), false));
        sql.auditFile().ifPresent(audit -> steps.add(new PlannedStep("create audit log and triggers (" + SchemaSql.AUDIT_FILE + ")",
                audit, false)));
        return new MigrationPlan(steps);
    }

    /** The comparison of two models; collects steps in the order they must run. */
    private static final class Diff {
        private final SchemaSql after;
        private final AppView old;
        private final AppView now;

        private final List<PlannedStep> extensions = new ArrayList<>();
        private final List<PlannedStep> drops = new ArrayList<>();
        private final List<PlannedStep> creates = new ArrayList<>();
        private final List<PlannedStep> alters = new ArrayList<>();
        private final List<PlannedStep> foreignKeys = new ArrayList<>();
        private final List<PlannedStep> audit = new ArrayList<>();
        private final List<PlannedStep> upgrades = new ArrayList<>();
        private final boolean packChanged;

        Diff(SchemaSql before, SchemaSql after, boolean packChanged) {
            this.after = after;
            this.old = before.app();
            this.now = after.app();
            this.packChanged = packChanged;
        }

        MigrationPlan plan() {
            if (now.pgcrypto() && !old.pgcrypto()) {
                extensions.add(new PlannedStep("create extension pgcrypto (encrypted columns)", "CREATE EXTENSION IF NOT EXISTS pgcrypto;",
                        false));
            }
            if (now.trigramSearch() && (!old.trigramSearch() || packChanged)) {
                extensions.add(new PlannedStep("create extension pg_trgm (search indexes)", "CREATE EXTENSION IF NOT EXISTS pg_trgm;", false));
            }
            Map<String, EntityView> oldEntities = byName(old.entities());
            Map<String, EntityView> newEntities = byName(now.entities());
            Map<String, Join> oldJoins = joins(old);
            Map<String, Join> newJoins = joins(now);

            oldJoins.keySet().stream().filter(t -> !newJoins.containsKey(t)).forEach(t -> drops.add(new PlannedStep(
                    "drop join table " + t + " (its links are lost)", "DROP TABLE " + t + ";", true, Phase.CONTRACT)));
            for (EntityView e : old.entities()) {
                if (!newEntities.containsKey(e.name())) {
                    drops.add(new PlannedStep("drop table " + e.names().table() + " (its rows are lost)",
                            "DROP TABLE " + e.names().table() + " CASCADE;", true, Phase.CONTRACT));
                }
            }
            for (EntityView e : now.entities()) {
                EntityView was = oldEntities.get(e.name());
                if (was == null) {
                    creates.add(new PlannedStep("create table " + e.names().table(), after.table(e), false));
                    e.foreignKeys().forEach(r -> foreignKeys.add(foreignKey(r, e)));
                } else {
                    alterEntity(was, e);
                }
            }
            newJoins.forEach((table, join) -> {
                if (!oldJoins.containsKey(table)) {
                    creates.add(new PlannedStep("create join table " + table, after.joinTable(join.entity(), join.relation()), false));
                }
            });
            planAudit(oldEntities);
            if (packChanged) {
                upgrades.addAll(PackUpgrade.steps(old, now, oldJoins.keySet()));
            }

            List<PlannedStep> steps = new ArrayList<>();
            steps.addAll(extensions);
            steps.addAll(drops);
            steps.addAll(creates);
            steps.addAll(alters);
            steps.addAll(foreignKeys);
            steps.addAll(audit);
            steps.addAll(upgrades);
            return new MigrationPlan(steps);
        }

        private void alterEntity(EntityView was, EntityView is) {
            String table = is.names().table();
            Map<String, FieldSql> oldFields = new LinkedHashMap<>();
            was.sqlFields().forEach(f -> oldFields.put(f.name(), f));
            Map<String, FieldSql> newFields = new LinkedHashMap<>();
            is.sqlFields().forEach(f -> newFields.put(f.name(), f));

            // removed fields, and fields whose column or storage changed (a cast cannot encrypt or tokenize)
            for (FieldSql f : was.sqlFields()) {
                FieldSql n = newFields.get(f.name());
                if (n == null && f.required()) {
                    // the next revision inserts rows without it while the column still exists (until contract)
                    alters.add(new PlannedStep("drop NOT NULL of " + table + "." + f.column() + " (removed: the next revision no longer writes it)",
                            "ALTER TABLE " + table + " ALTER COLUMN " + f.column() + " DROP NOT NULL;", false));
                }
                if (n == null || replaced(f, n)) {
                    alters.add(new PlannedStep("drop column " + table + "." + f.column() + (n == null ? "" : " (storage changes to "
                            + n.storage().name().toLowerCase() + ": re-added empty)") + " (its values are lost)",
                            "ALTER TABLE " + table + " DROP COLUMN " + f.column() + ";", true, n == null ? Phase.CONTRACT : Phase.IN_PLACE));
                }
            }
            for (FieldSql f : is.sqlFields()) {
                FieldSql o = oldFields.get(f.name());
                if (o == null || replaced(o, f)) {
                    addColumn(table, f);
                } else {
                    alterColumn(table, o, f);
                }
            }
            alterOwner(was, is);
            alterRelations(was, is);
        }

        private static boolean replaced(FieldSql old, FieldSql now) {
            return !old.column().equals(now.column()) || old.storage() != now.storage();
        }

        private void addColumn(String table, FieldSql f) {
            String column = table + "." + f.column();
            StringBuilder sql = new StringBuilder();
            String description = "add column " + column;
            PlannedStep dropDefault = null;
            if (!f.required()) {
                sql.append("ALTER TABLE ").append(table).append(" ADD COLUMN ").append(f.definition()).append(";\n");
            } else {
                Optional<String> placeholder = placeholder(f.field());
                if (placeholder.isPresent()) {
                    sql.append("ALTER TABLE ").append(table).append(" ADD COLUMN ").append(f.definition()).append(" DEFAULT ")
                            .append(placeholder.get()).append(";\n");
                    description += " (required: existing rows get " + placeholder.get() + ", then the default is dropped)";
                    // the serving revision inserts without the new column until it is gone: the default stays until contract
                    dropDefault = new PlannedStep("drop default of " + column + " (existing rows keep " + placeholder.get() + ")",
                            "ALTER TABLE " + table + " ALTER COLUMN " + f.column() + " DROP DEFAULT;", false, Phase.CONTRACT);
                } else {
                    sql.append("ALTER TABLE ").append(table).append(" ADD COLUMN ").append(nullable(f.definition())).append(";\n");
                    description += " (required, but added without NOT NULL: existing rows have no value;"
                            + " fill them, then a later generation can make it NOT NULL)";
                }
            }
            for (String check : f.checks()) {
                sql.append("ALTER TABLE ").append(table).append(" ADD ").append(check).append(";\n");
            }
            if (f.unique()) {
                sql.append(addUnique(table, f)).append("\n");
            }
            if (f.indexed()) {
                sql.append(f.createIndex()).append("\n");
            }
            alters.add(new PlannedStep(description, sql.toString(), false));
            if (dropDefault != null) {
                alters.add(dropDefault);
            }
        }

        private void alterColumn(String table, FieldSql o, FieldSql n) {
            String column = table + "." + n.column();
            Map<String, String> oldChecks = checks(o);
            Map<String, String> newChecks = checks(n);
            // checks first: an old check may not apply to the new type
            oldChecks.forEach((name, check) -> {
                if (!check.equals(newChecks.get(name))) {
                    alters.add(new PlannedStep("drop check " + name, "ALTER TABLE " + table + " DROP CONSTRAINT " + name + ";", false));
                }
            });
            String fromType = o.type();
            String toType = n.type();
            if (!fromType.equals(toType)) {
                if (widens(fromType, toType)) {
                    alters.add(new PlannedStep("widen " + column + " from " + fromType + " to " + toType,
                            "ALTER TABLE " + table + " ALTER COLUMN " + n.column() + " TYPE " + toType + ";", false));
                } else {
                    alters.add(new PlannedStep("change type of " + column + " from " + fromType + " to " + toType
                            + " (USING cast: values may be cut or fail to convert)",
                            "ALTER TABLE " + table + " ALTER COLUMN " + n.column() + " TYPE " + toType + " USING " + n.column() + "::"
                                    + toType + ";", true, Phase.IN_PLACE));
                }
            }
            if (!o.required() && n.required()) {
                alters.add(new PlannedStep("set " + column + " NOT NULL (fails while existing rows hold NULL: fill them first)",
                        "ALTER TABLE " + table + " ALTER COLUMN " + n.column() + " SET NOT NULL;", false, Phase.CONTRACT));
            } else if (o.required() && !n.required()) {
                alters.add(new PlannedStep("drop NOT NULL of " + column,
                        "ALTER TABLE " + table + " ALTER COLUMN " + n.column() + " DROP NOT NULL;", false));
            }
            newChecks.forEach((name, check) -> {
                if (!check.equals(oldChecks.get(name))) {
                    alters.add(new PlannedStep("add check " + name + " (fails while existing rows violate it)",
                            "ALTER TABLE " + table + " ADD " + check + ";", false, Phase.CONTRACT));
                }
            });
            if (!o.unique() && n.unique()) {
                alters.add(new PlannedStep("add unique key " + n.uniqueName() + " (fails while existing rows hold duplicates)",
                        addUnique(table, n), false, Phase.CONTRACT));
            } else if (o.unique() && !n.unique()) {
                alters.add(new PlannedStep("drop unique key " + n.uniqueName(),
                        "ALTER TABLE " + table + " DROP CONSTRAINT " + n.uniqueName() + ";", false));
            }
            if (!o.indexed() && n.indexed()) {
                alters.add(new PlannedStep("add index " + n.indexName(), n.createIndex(), false));
            } else if (o.indexed() && !n.indexed()) {
                alters.add(new PlannedStep("drop index " + n.indexName(), n.dropIndex(), false));
            }
        }

        private void alterOwner(EntityView was, EntityView is) {
            String table = is.names().table();
            if (was.hasOwner() && (!is.hasOwner() || !was.ownerColumn().equals(is.ownerColumn()))) {
                alters.add(new PlannedStep("drop owner column " + table + "." + was.ownerColumn() + " (its values are lost)",
                        "ALTER TABLE " + table + " DROP COLUMN " + was.ownerColumn() + ";", true, Phase.CONTRACT));
            }
            if (is.hasOwner() && (!was.hasOwner() || !was.ownerColumn().equals(is.ownerColumn()))) {
                // the same column DDL and index as db/schema.sql
                alters.add(new PlannedStep("add owner column " + table + "." + is.ownerColumn() + " (existing rows have no owner)",
                        "ALTER TABLE " + table + " ADD COLUMN " + is.ownerColumn() + " text DEFAULT current_setting('veroforge.user_id', true);\n"
                                + "CREATE INDEX " + indexName(table, is.ownerColumn()) + " ON " + table + " (tenant_id, " + is.ownerColumn()
                                + ");\n", false));
            }
        }

        private void alterRelations(EntityView was, EntityView is) {
            String table = is.names().table();
            Map<String, RelationView> oldKeys = new LinkedHashMap<>();
            was.foreignKeys().forEach(r -> oldKeys.put(r.name(), r));
            Map<String, RelationView> newKeys = new LinkedHashMap<>();
            is.foreignKeys().forEach(r -> newKeys.put(r.name(), r));
            for (RelationView r : was.foreignKeys()) {
                RelationView n = newKeys.get(r.name());
                if (n == null || !n.fkColumn().equals(r.fkColumn()) || !n.target().table().equals(r.target().table())) {
                    boolean recreated = is.foreignKeys().stream().anyMatch(k -> k.fkColumn().equals(r.fkColumn()));
                    if (!recreated && r.required()) {
                        alters.add(new PlannedStep("drop NOT NULL of " + table + "." + r.fkColumn() + " (removed: the next revision no longer writes it)",
                                "ALTER TABLE " + table + " ALTER COLUMN " + r.fkColumn() + " DROP NOT NULL;", false));
                    }
                    alters.add(new PlannedStep("drop relation " + was.name() + "." + r.name() + ": column " + table + "." + r.fkColumn()
                            + " (its references are lost)", "ALTER TABLE " + table + " DROP COLUMN " + r.fkColumn() + ";", true,
                            recreated ? Phase.IN_PLACE : Phase.CONTRACT));
                }
            }
            for (RelationView r : is.foreignKeys()) {
                RelationView o = oldKeys.get(r.name());
                if (o == null || !o.fkColumn().equals(r.fkColumn()) || !o.target().table().equals(r.target().table())) {
                    String description = "add relation " + is.name() + "." + r.name() + ": column " + table + "." + r.fkColumn();
                    if (r.required()) {
                        description += " (required, but added without NOT NULL: existing rows reference nothing yet)";
                    }
                    alters.add(new PlannedStep(description, "ALTER TABLE " + table + " ADD COLUMN " + nullable(r.sqlColumn()) + ";", false));
                    foreignKeys.add(foreignKey(r, is));
                    continue;
                }
                String column = table + "." + r.fkColumn();
                if (!o.sqlForeignKey().equals(r.sqlForeignKey())) {
                    alters.add(new PlannedStep("replace foreign key " + fkName(table, r) + " (on delete changes)",
                            "ALTER TABLE " + table + " DROP CONSTRAINT " + fkName(table, r) + ";\n" + r.sqlForeignKey() + "\n", false));
                }
                if (!o.sqlIndex().equals(r.sqlIndex())) {
                    alters.add(new PlannedStep("replace index " + indexName(table, r.fkColumn())
                            + (r.sqlIndex().contains("UNIQUE") ? " (now unique: fails while rows share a reference)" : ""),
                            "DROP INDEX " + indexName(table, r.fkColumn()) + ";\n" + r.sqlIndex() + "\n", false,
                            r.sqlIndex().contains("UNIQUE") ? Phase.CONTRACT : Phase.EXPAND));
                }
                if (!o.required() && r.required()) {
                    alters.add(new PlannedStep("set " + column + " NOT NULL (fails while existing rows reference nothing: fill them first)",
                            "ALTER TABLE " + table + " ALTER COLUMN " + r.fkColumn() + " SET NOT NULL;", false, Phase.CONTRACT));
                } else if (o.required() && !r.required()) {
                    alters.add(new PlannedStep("drop NOT NULL of " + column,
                            "ALTER TABLE " + table + " ALTER COLUMN " + r.fkColumn() + " DROP NOT NULL;", false));
                }
            }
        }

        private void planAudit(Map<String, EntityView> oldEntities) {
            if (!now.auditLog()) {
                return; // an audit log that is no longer required is kept: it is evidence, not schema
            }
            if (!old.auditLog()) {
                audit.add(new PlannedStep("create audit log and triggers (" + SchemaSql.AUDIT_FILE + ")", after.auditFile().orElseThrow(),
                        false));
                return;
            }
            for (EntityView e : now.auditedEntities()) {
                EntityView was = oldEntities.get(e.name());
                if (was == null || !was.auditWrites()) {
                    audit.add(new PlannedStep("audit writes to " + e.names().table(), after.auditTrigger(e), false));
                }
            }
            for (EntityView e : old.auditedEntities()) {
                if (now.entities().stream().anyMatch(n -> n.name().equals(e.name()) && !n.auditWrites())) {
                    audit.add(new PlannedStep("stop auditing writes to " + e.names().table() + " (the log keeps its rows)",
                            "DROP TRIGGER " + e.names().table() + "_audit ON " + e.names().table() + ";", false));
                }
            }
        }
    }

    private record Join(EntityView entity, RelationView relation) {
    }

    private static Map<String, EntityView> byName(List<EntityView> entities) {
        Map<String, EntityView> map = new LinkedHashMap<>();
        entities.forEach(e -> map.put(e.name(), e));
        return map;
    }

    private static Map<String, Join> joins(AppView app) {
        Map<String, Join> joins = new LinkedHashMap<>();
        for (EntityView e : app.entities()) {
            for (RelationView j : e.joins()) {
                joins.putIfAbsent(j.joinTable(), new Join(e, j));
            }
        }
        return joins;
    }

    private static PlannedStep foreignKey(RelationView r, EntityView e) {
        return new PlannedStep("add foreign key " + e.names().table() + "." + r.fkColumn() + " references " + r.target().table(),
                r.sqlForeignKey() + "\n" + r.sqlIndex() + "\n", false);
    }

    private static Map<String, String> checks(FieldSql f) {
        Map<String, String> checks = new LinkedHashMap<>();
        for (String check : f.checks()) {
            Matcher m = CONSTRAINT_NAME.matcher(check);
            checks.put(m.find() ? m.group(1) : check, check);
        }
        return checks;
    }

    // the names db/schema.sql gives unique keys, indexes and foreign keys
    private static String addUnique(String table, FieldSql f) {
        return "ALTER TABLE " + table + " ADD " + f.uniqueConstraint() + ";";
    }

    private static String indexName(String table, String column) {
        return table + "_" + column + "_idx";
    }

    private static String fkName(String table, RelationView r) {
        return table + "_" + r.fkColumn() + "_fkey";
    }

    private static String nullable(String columnDdl) {
        return columnDdl.endsWith(" NOT NULL") ? columnDdl.substring(0, columnDdl.length() - " NOT NULL".length()) : columnDdl;
    }

    /**
     * A value for existing rows when a required column is added: one that passes the column's
     * checks, as a SQL literal; empty when no such value is obviously valid.
     */
    static Optional<String> placeholder(Field f) {
        if (f.storage() != FieldStorage.PLAIN) {
            return Optional.empty(); // an empty ciphertext would not decrypt; a fake token is worse than none
        }
        if (f.unique()) {
            return Optional.empty(); // every existing row would hold the same value
        }
        FieldType type = f.type();
        if (type == FieldType.ENUM) {
            return f.values().isEmpty() ? Optional.empty() : Optional.of(sqlString(f.values().get(0)));
        }
        if (type.numeric()) {
            BigDecimal value = BigDecimal.ZERO;
            if (f.min() != null && value.compareTo(f.min()) < 0) {
                value = f.min();
            }
            if (f.max() != null && value.compareTo(f.max()) > 0) {
                value = f.max();
            }
            if (type == FieldType.INTEGER && value.stripTrailingZeros().scale() > 0) {
                return Optional.empty();
            }
            return Optional.of(value.toPlainString());
        }
        if (type == FieldType.BOOLEAN) {
            return Optional.of("false");
        }
        if (type == FieldType.JSON) {
            return Optional.of("'{}'");
        }
        if (type.textual() || type == FieldType.FILE) {
            boolean needsLength = f.minLength() != null && f.minLength() > 0;
            return needsLength ? Optional.empty() : Optional.of("''");
        }
        return Optional.empty(); // uuid, date, datetime: no honest placeholder
    }

    private static String sqlString(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** Whether converting {@code from} to {@code to} keeps every value exactly (so needs no approval). */
    static boolean widens(String from, String to) {
        if (from.equals(to)) {
            return true;
        }
        Matcher fromVarchar = VARCHAR.matcher(from);
        if (fromVarchar.matches()) {
            if (to.equals("text")) {
                return true;
            }
            Matcher toVarchar = VARCHAR.matcher(to);
            return toVarchar.matches() && Integer.parseInt(toVarchar.group(1)) >= Integer.parseInt(fromVarchar.group(1));
        }
        int integerDigits = switch (from) {
            case "smallint" -> 5;
            case "integer" -> 10;
            case "bigint" -> 19;
            default -> -1;
        };
        Matcher toNumeric = NUMERIC.matcher(to);
        if (integerDigits > 0) {
            if (to.equals("bigint") || to.equals("integer") && integerDigits <= 10) {
                return true;
            }
            if (toNumeric.matches()) {
                return toNumeric.group(1) == null
                        || Integer.parseInt(toNumeric.group(1)) - scale(toNumeric) >= integerDigits;
            }
            return false;
        }
        Matcher fromNumeric = NUMERIC.matcher(from);
        if (fromNumeric.matches() && toNumeric.matches()) {
            if (toNumeric.group(1) == null) {
                return true;
            }
            if (fromNumeric.group(1) == null) {
                return false;
            }
            int fromScale = scale(fromNumeric);
            int toScale = scale(toNumeric);
            return toScale >= fromScale
                    && Integer.parseInt(toNumeric.group(1)) - toScale >= Integer.parseInt(fromNumeric.group(1)) - fromScale;
        }
        return false;
    }

    private static int scale(Matcher numeric) {
        return numeric.group(2) == null ? 0 : Integer.parseInt(numeric.group(2));
    }
}
