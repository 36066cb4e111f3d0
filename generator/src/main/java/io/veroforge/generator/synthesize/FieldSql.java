package io.veroforge.generator.synthesize;

import io.veroforge.generator.model.Field;
import io.veroforge.generator.model.FieldStorage;
import io.veroforge.generator.model.FieldType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One field as {@code db/schema.sql} spells it: column DDL, CHECK constraints, unique key and search
 * index, all named as the pack names them. The migration planner reads the same view, so an added
 * column ends up exactly as on a fresh install.
 */
public final class FieldSql {

    private final Field field;
    private final String table;
    private final boolean indexed;

    FieldSql(Field field, String table, boolean indexed) {
        this.field = field;
        this.table = table;
        this.indexed = indexed;
    }

    public Field field() {
        return field;
    }

    /** The field's model name, which stays the same when its column or storage changes. */
    public String name() {
        return field.name();
    }

    public String column() {
        return field.column();
    }

    /** The column's SQL type, e.g. {@code varchar(40)}, {@code bytea} for encrypted values. */
    public String type() {
        return field.sqlType();
    }

    public FieldStorage storage() {
        return field.storage();
    }

    public boolean required() {
        return field.required();
    }

    /** {@code number varchar(40) NOT NULL}. */
    public String definition() {
        return field.column() + " " + field.sqlType() + (field.required() ? " NOT NULL" : "");
    }

    /** CHECK constraints ({@code CONSTRAINT <name> CHECK (...)}) for plain columns; encrypted and tokenized values are checked by the API only. */
    public List<String> checks() {
        List<String> checks = new ArrayList<>();
        if (field.storage() != FieldStorage.PLAIN) {
            return checks;
        }
        FieldType type = field.type();
        String c = field.column();
        String prefix = "CONSTRAINT " + table + "_" + c + "_";
        if (type == FieldType.ENUM) {
            checks.add(prefix + "check CHECK (" + c + " IN (" + field.values().stream().map(TsLiteral::sql)
                    .collect(Collectors.joining(", ")) + "))");
        }
        if (type.numeric() && field.min() != null) {
            checks.add(prefix + "min CHECK (" + c + " >= " + field.min().toPlainString() + ")");
        }
        if (type.numeric() && field.max() != null) {
            checks.add(prefix + "max CHECK (" + c + " <= " + field.max().toPlainString() + ")");
        }
        if (type.textual() && field.minLength() != null && field.minLength() > 0) {
            checks.add(prefix + "min_length CHECK (char_length(" + c + ") >= " + field.minLength() + ")");
        }
        if (type.textual() && field.maxLength() != null && !field.sqlType().startsWith("varchar")) {
            checks.add(prefix + "max_length CHECK (char_length(" + c + ") <= " + field.maxLength() + ")");
        }
        return checks;
    }

    public boolean unique() {
        return field.unique();
    }

    /** The unique key's name: unique per tenant, so every tenant can hold the same value once. */
    public String uniqueName() {
        return table + "_" + field.column() + "_key";
    }

    /** {@code CONSTRAINT <table>_<column>_key UNIQUE (tenant_id, <column>)}. */
    public String uniqueConstraint() {
        return "CONSTRAINT " + uniqueName() + " UNIQUE (tenant_id, " + field.column() + ")";
    }

    /** Whether the column has a search index (searchable plain text). */
    public boolean indexed() {
        return indexed;
    }

    public String indexName() {
        return table + "_" + field.column() + "_idx";
    }

    /** The trigram index {@code ?q=} (ILIKE '%text%') uses; a B-tree cannot serve a leading wildcard. */
    public String trigramIndexName() {
        return table + "_" + field.column() + "_trgm_idx";
    }

    /**
     * {@code CREATE INDEX <table>_<column>_idx ON <table> (tenant_id, <column>);} for sorting and equality, and
     * the trigram index for search ({@code pg_trgm} lives in {@code public}, where the operator creates extensions).
     */
    public String createIndex() {
        return "CREATE INDEX IF NOT EXISTS " + indexName() + " ON " + table + " (tenant_id, " + field.column() + ");\n"
                + createTrigramIndex();
    }

    public String createTrigramIndex() {
        return "CREATE INDEX IF NOT EXISTS " + trigramIndexName() + " ON " + table + " USING gin (" + field.column() + " public.gin_trgm_ops);";
    }

    public String dropIndex() {
        return "DROP INDEX IF EXISTS " + indexName() + ";\nDROP INDEX IF EXISTS " + trigramIndexName() + ";";
    }
}
