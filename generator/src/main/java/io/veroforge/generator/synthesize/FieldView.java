package io.veroforge.generator.synthesize;

import io.veroforge.generator.model.Field;
import io.veroforge.generator.model.FieldStorage;
import io.veroforge.generator.model.FieldType;
import io.veroforge.generator.model.Inflector;
import io.veroforge.generator.model.Marker;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One field as every layer of the pack spells it: SQL column and checks, Prisma line, DTO
 * decorators, service read/write expressions, UI input and rules, and sample values for the
 * generated tests.
 */
public final class FieldView {

    private final Field field;
    private final String entityTable;

    FieldView(Field field, String entityTable) {
        this.field = field;
        this.entityTable = entityTable;
    }

    public Field field() {
        return field;
    }

    /** The name the API, Prisma and UI use: a tokenized card number is {@code cardNumberToken}, never {@code cardNumber}. */
    public String property() {
        return Inflector.camel(field.column());
    }

    public String column() {
        return field.column();
    }

    public String label() {
        String words = String.join(" ", Inflector.words(property()));
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    public boolean required() {
        return field.required();
    }

    public boolean encrypted() {
        return field.storage() == FieldStorage.ENCRYPTED;
    }

    public boolean tokenized() {
        return field.storage() == FieldStorage.TOKENIZED;
    }

    private FieldType type() {
        return field.type();
    }

    // ---- SQL ----

    /** {@code number varchar(40) NOT NULL} with the checks that hold for plain columns. */
    public String sqlColumn() {
        return field.column() + " " + field.sqlType() + (field.required() ? " NOT NULL" : "");
    }

    /** CHECK constraints (name, expression) for plain columns; encrypted and tokenized values are checked by the API only. */
    public List<String> sqlChecks() {
        List<String> checks = new ArrayList<>();
        if (field.storage() != FieldStorage.PLAIN) {
            return checks;
        }
        String c = field.column();
        String prefix = "CONSTRAINT " + entityTable + "_" + c + "_";
        if (type() == FieldType.ENUM) {
            checks.add(prefix + "check CHECK (" + c + " IN (" + field.values().stream().map(TsLiteral::sql)
                    .collect(Collectors.joining(", ")) + "))");
        }
        if (type().numeric() && field.min() != null) {
            checks.add(prefix + "min CHECK (" + c + " >= " + field.min().toPlainString() + ")");
        }
        if (type().numeric() && field.max() != null) {
            checks.add(prefix + "max CHECK (" + c + " <= " + field.max().toPlainString() + ")");
        }
        if (type().textual() && field.minLength() != null && field.minLength() > 0) {
            checks.add(prefix + "min_length CHECK (char_length(" + c + ") >= " + field.minLength() + ")");
        }
        if (type().textual() && field.maxLength() != null && !field.sqlType().startsWith("varchar")) {
            checks.add(prefix + "max_length CHECK (char_length(" + c + ") <= " + field.maxLength() + ")");
        }
        return checks;
    }

    public boolean unique() {
        return field.unique();
    }

    public boolean searchable() {
        return field.has(Marker.SEARCHABLE) && field.storage() == FieldStorage.PLAIN && type().textual();
    }

    // ---- Prisma ----

    public String prismaType() {
        String base = switch (field.storage()) {
            case ENCRYPTED -> "Bytes";
            case TOKENIZED -> "String";
            case PLAIN -> type() == FieldType.ENUM ? "String" : type().prismaType();
        };
        return base + (field.required() ? "" : "?");
    }

    public String prismaAttributes() {
        List<String> attrs = new ArrayList<>();
        if (field.storage() == FieldStorage.PLAIN) {
            String sql = field.sqlType();
            if (sql.startsWith("varchar(")) {
                attrs.add("@db.VarChar(" + field.maxLength() + ")");
            } else {
                switch (type()) {
                    case MONEY -> attrs.add("@db.Decimal(19, 4)");
                    case DATE -> attrs.add("@db.Date");
                    case DATETIME -> attrs.add("@db.Timestamptz(6)");
                    case UUID -> attrs.add("@db.Uuid");
                    default -> { }
                }
            }
        }
        attrs.add("@map(\"" + field.column() + "\")");
        return String.join(" ", attrs);
    }

    // ---- API ----

    /** The TypeScript type of the DTO property and of the UI value. */
    public String tsType() {
        return field.tsType();
    }

    public String optionalMark() {
        return field.required() ? "!" : "?";
    }

    /** class-validator and Swagger decorators for the create DTO, one per line. */
    public List<String> dtoDecorators() {
        List<String> d = new ArrayList<>();
        String description = tokenized() ? "payment-provider token (PCI: never a card number)" : label();
        d.add((field.required() ? "@ApiProperty(" : "@ApiPropertyOptional(") + "{ description: " + TsLiteral.string(description)
                + swaggerType() + " })");
        if (!field.required()) {
            d.add("@IsOptional()");
        }
        if (tokenized()) {
            d.add("@IsString()");
            d.add("@Matches(/^(?![0-9 -]{12,23}$).+$/, { message: '$property must be a payment-provider token, not a card number' })");
            d.add("@MaxLength(200)");
            return d;
        }
        switch (type()) {
            case STRING, TEXT, PHONE, FILE -> d.add("@IsString()");
            case EMAIL -> d.add("@IsEmail()");
            case URL -> d.add("@IsUrl({ require_tld: false })");
            case UUID -> d.add("@IsUUID()");
            case INTEGER -> d.add("@IsInt()");
            case DECIMAL, MONEY -> d.add("@IsDecimalString()");
            case BOOLEAN -> d.add("@IsBoolean()");
            case DATE, DATETIME -> d.add("@IsISO8601()");
            case ENUM -> d.add("@IsIn(" + TsLiteral.stringArray(field.values()) + ")");
            case JSON -> d.add("@IsDefined()");
        }
        if (type() == FieldType.INTEGER) {
            if (field.min() != null) {
                d.add("@Min(" + field.min().toPlainString() + ")");
            }
            if (field.max() != null) {
                d.add("@Max(" + field.max().toPlainString() + ")");
            }
        }
        if ((type() == FieldType.DECIMAL || type() == FieldType.MONEY) && (field.min() != null || field.max() != null)) {
            d.add("@DecimalRange(" + (field.min() == null ? "undefined" : TsLiteral.string(field.min().toPlainString())) + ", "
                    + (field.max() == null ? "undefined" : TsLiteral.string(field.max().toPlainString())) + ")");
        }
        if (type().textual()) {
            if (field.minLength() != null && field.minLength() > 0) {
                d.add("@MinLength(" + field.minLength() + ")");
            }
            if (field.maxLength() != null) {
                d.add("@MaxLength(" + field.maxLength() + ")");
            }
            if (field.pattern() != null) {
                d.add("@Matches(" + TsLiteral.regex(field.pattern()) + ")");
            }
        }
        return d;
    }

    private String swaggerType() {
        if (tokenized()) {
            return "";
        }
        return switch (type()) {
            case ENUM -> ", enum: " + TsLiteral.stringArray(field.values());
            case INTEGER -> ", type: 'integer'";
            case DECIMAL, MONEY -> ", type: 'string', format: 'decimal'";
            case BOOLEAN -> ", type: 'boolean'";
            case DATE -> ", type: 'string', format: 'date'";
            case DATETIME -> ", type: 'string', format: 'date-time'";
            case JSON -> ", type: 'object', additionalProperties: true";
            case EMAIL -> ", type: 'string', format: 'email'";
            case UUID -> ", type: 'string', format: 'uuid'";
            default -> ", type: 'string'";
        };
    }

    /** The TypeScript expression that turns {@code dto.<property>} into the Prisma data value (inside a transaction {@code tx}). */
    public String writeExpression() {
        String v = "dto." + property();
        if (encrypted()) {
            return "await this.cipher.encrypt(tx, " + v + ")";
        }
        return switch (type()) {
            case DATE, DATETIME -> "toDate(" + v + ")";
            case JSON -> v + " as Prisma.InputJsonValue | undefined";
            default -> v;
        };
    }

    /** The TypeScript expression that presents {@code row.<property>} in a response. */
    public String readExpression() {
        String v = "row." + property();
        if (encrypted()) {
            String decrypt = "await this.cipher.decrypt(tx, " + v + ")";
            String value = switch (type()) {
                case INTEGER -> "fromText.integer(" + decrypt + ")";
                case BOOLEAN -> "fromText.boolean(" + decrypt + ")";
                case JSON -> "fromText.json(" + decrypt + ")";
                case ENUM -> "(" + decrypt + ") as " + tsType() + " | null";
                default -> decrypt;
            };
            return field.required() && type() != FieldType.JSON ? "(" + value + ")!" : value; // NOT NULL column
        }
        return switch (type()) {
            case DECIMAL, MONEY -> v + (field.required() ? ".toString()" : "?.toString() ?? null");
            case DATE -> v + (field.required() ? ".toISOString().slice(0, 10)" : "?.toISOString().slice(0, 10) ?? null");
            case DATETIME -> v + (field.required() ? ".toISOString()" : "?.toISOString() ?? null");
            case ENUM -> tokenized() ? v : v + " as " + tsType() + (field.required() ? "" : " | null");
            default -> v;
        };
    }

    /** Equality filter on the list endpoint: plain enums, booleans, strings without length limits. */
    public boolean filterable() {
        if (field.storage() != FieldStorage.PLAIN) {
            return false;
        }
        return switch (type()) {
            case ENUM, BOOLEAN, STRING, EMAIL, PHONE, UUID -> true;
            default -> false;
        };
    }

    /** Query DTO decorators for the filter (query strings arrive as text). */
    public List<String> filterDecorators() {
        List<String> d = new ArrayList<>();
        d.add("@ApiPropertyOptional(" + (type() == FieldType.ENUM ? "{ enum: " + TsLiteral.stringArray(field.values()) + " }" : "") + ")");
        d.add("@IsOptional()");
        switch (type()) {
            case ENUM -> d.add("@IsIn(" + TsLiteral.stringArray(field.values()) + ")");
            case BOOLEAN -> {
                d.add("@Transform(({ value }) => value === 'true' ? true : value === 'false' ? false : value)");
                d.add("@IsBoolean()");
            }
            case UUID -> d.add("@IsUUID()");
            default -> d.add("@IsString()");
        }
        return d;
    }

    public String filterTsType() {
        return type() == FieldType.BOOLEAN ? "boolean" : tsType();
    }

    public boolean sortable() {
        return field.storage() == FieldStorage.PLAIN && type() != FieldType.JSON;
    }

    // ---- UI ----

    public String inputKind() {
        if (tokenized()) {
            return "text";
        }
        return switch (type()) {
            case TEXT, JSON -> "textarea";
            case INTEGER, DECIMAL, MONEY -> "number";
            case BOOLEAN -> "checkbox";
            case ENUM -> "select";
            case DATE -> "date";
            case DATETIME -> "datetime-local";
            case EMAIL -> "email";
            case PHONE -> "tel";
            case URL -> "url";
            default -> "text";
        };
    }

    /** The UI's field descriptor: the same rules the DTO enforces, as a TypeScript object literal. */
    public String uiDescriptor() {
        List<String> parts = new ArrayList<>();
        parts.add("name: " + TsLiteral.string(property()));
        parts.add("label: " + TsLiteral.string(label()));
        parts.add("input: " + TsLiteral.string(inputKind()));
        parts.add("required: " + field.required());
        parts.add("valueType: " + TsLiteral.string(valueType()));
        if (type() == FieldType.ENUM && !tokenized()) {
            parts.add("options: " + TsLiteral.stringArray(field.values()));
        }
        if (type().numeric() && !tokenized()) {
            if (field.min() != null) {
                parts.add("min: " + field.min().toPlainString());
            }
            if (field.max() != null) {
                parts.add("max: " + field.max().toPlainString());
            }
            parts.add("integer: " + (type() == FieldType.INTEGER));
        }
        if (type().textual() || tokenized()) {
            if (field.minLength() != null && field.minLength() > 0) {
                parts.add("minLength: " + field.minLength());
            }
            if (field.maxLength() != null && !tokenized()) {
                parts.add("maxLength: " + field.maxLength());
            }
            if (field.pattern() != null && !tokenized()) {
                parts.add("pattern: " + TsLiteral.string(field.pattern()));
            }
        }
        if (type() == FieldType.EMAIL) {
            parts.add("format: 'email'");
        }
        if (tokenized()) {
            parts.add("format: 'token'");
        }
        if (encrypted()) {
            parts.add("sensitive: true");
        }
        return "{ " + String.join(", ", parts) + " }";
    }

    /** How the UI converts the input's text: string, number, boolean or json. */
    String valueType() {
        if (tokenized()) {
            return "string";
        }
        return switch (type()) {
            case INTEGER -> "number";
            case BOOLEAN -> "boolean";
            case JSON -> "json";
            default -> "string";
        };
    }

    // ---- samples for the generated tests ----

    /** Whether the generated tests fill this field: required ones always, optional ones when a valid value is obvious. */
    public boolean inSample() {
        return field.required() || field.pattern() == null;
    }

    /** A valid value as a TypeScript literal, honouring lengths, ranges and values. */
    public String sample() {
        return sampleValue(false);
    }

    /** Another valid value, for update tests. */
    public String otherSample() {
        return sampleValue(true);
    }

    /** Whether the update test can change this field to {@link #otherSample()} and read it back unchanged. */
    public boolean updatable() {
        if (field.unique() || field.pattern() != null) {
            return false;
        }
        return switch (type()) {
            case STRING, TEXT, ENUM, BOOLEAN, INTEGER -> !(type() == FieldType.ENUM && field.values().size() < 2);
            default -> false;
        };
    }

    private String sampleValue(boolean other) {
        if (tokenized()) {
            return other ? "'tok_sample_other'" : "'tok_sample_4242'";
        }
        return switch (type()) {
            case STRING, TEXT, PHONE, FILE -> TsLiteral.string(text(other));
            case EMAIL -> other ? "'other@example.com'" : "'sample@example.com'";
            case URL -> "'https://example.com/" + (other ? "other" : "sample") + "'";
            case UUID -> other ? "'00000000-0000-4000-8000-000000000002'" : "'00000000-0000-4000-8000-000000000001'";
            case INTEGER -> number(other, false);
            case DECIMAL, MONEY -> "'" + number(other, true) + "'";
            case BOOLEAN -> other ? "false" : "true";
            case DATE -> other ? "'2024-02-20'" : "'2024-01-15'";
            case DATETIME -> other ? "'2024-02-20T15:30:00.000Z'" : "'2024-01-15T10:00:00.000Z'";
            case ENUM -> TsLiteral.string(field.values().get(other && field.values().size() > 1 ? 1 : 0));
            case JSON -> "{ sample: " + !other + " }";
        };
    }

    private String text(boolean other) {
        if (field.pattern() != null && field.pattern().matches("\\^\\[0-9\\]\\{\\d+}\\$")) {
            int n = Integer.parseInt(field.pattern().replaceAll("\\D", ""));
            return "1234567890".repeat(n / 10 + 1).substring(0, n);
        }
        if (type() == FieldType.PHONE) {
            return other ? "+1 555 0199" : "+1 555 0100";
        }
        String base = (other ? "Updated " : "Sample ") + String.join(" ", Inflector.words(property()));
        int max = field.maxLength() == null ? 200 : field.maxLength();
        int min = field.minLength() == null ? 0 : field.minLength();
        StringBuilder s = new StringBuilder(base.length() > max ? base.substring(0, max) : base);
        while (s.length() < min) {
            s.append('x');
        }
        return s.toString();
    }

    private String number(boolean other, boolean decimal) {
        BigDecimal min = field.min();
        BigDecimal max = field.max();
        BigDecimal value = BigDecimal.valueOf(other ? 7 : 3);
        if (min != null && value.compareTo(min) < 0) {
            value = min.add(BigDecimal.valueOf(other ? 1 : 0));
        }
        if (max != null && value.compareTo(max) > 0) {
            value = max;
        }
        if (decimal) { // whole numbers read back identically ("3", not "3.00") from numeric columns
            return value.setScale(0, java.math.RoundingMode.CEILING).toPlainString();
        }
        return value.setScale(0, java.math.RoundingMode.CEILING).toPlainString();
    }

    @Override
    public String toString() {
        return field.entity() + "." + field.name().toLowerCase(Locale.ROOT);
    }
}
