package io.veroforge.generator.synthesize;

import io.veroforge.generator.model.Field;
import io.veroforge.generator.model.FieldStorage;
import io.veroforge.generator.model.FieldType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One field as the API spells it: the DTO property's TypeScript type, its class-validator and
 * Swagger decorators, the list endpoint's filter and sort, and the service's expressions that write
 * a DTO value to Prisma and read a row back (encrypting and decrypting where the field says so).
 */
public final class FieldDto {

    private final FieldView common;
    private final Field field;

    FieldDto(FieldView common) {
        this.common = common;
        this.field = common.field();
    }

    private FieldType type() {
        return field.type();
    }

    /** The TypeScript type of the DTO property and of the UI value. */
    public String tsType() {
        return field.tsType();
    }

    public String optionalMark() {
        return field.required() ? "!" : "?";
    }

    /** class-validator and Swagger decorators for the create DTO, one per line. */
    public List<String> decorators() {
        List<String> d = new ArrayList<>();
        String description = common.tokenized() ? "payment-provider token (PCI: never a card number)" : common.label();
        d.add((field.required() ? "@ApiProperty(" : "@ApiPropertyOptional(") + "{ description: " + TsLiteral.string(description)
                + swaggerType() + " })");
        if (!field.required()) {
            d.add("@IsOptional()");
        }
        if (common.tokenized()) {
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
        if (common.tokenized()) {
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
        String v = "dto." + common.property();
        if (common.encrypted()) {
            return "await this.cipher.encrypt(tx, " + v + ")";
        }
        return switch (type()) {
            case DATE, DATETIME -> "toDate(" + v + ")";
            // SQL NULL, not JSON null, when an optional JSON field is cleared
            case JSON -> field.required() ? v + " as Prisma.InputJsonValue | undefined"
                    : "(" + v + " === null ? Prisma.DbNull : (" + v + " as Prisma.InputJsonValue | undefined))";
            default -> v;
        };
    }

    /** The TypeScript expression that presents {@code row.<property>} in a response. */
    public String readExpression() {
        String v = "row." + common.property();
        if (common.encrypted()) {
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
            case ENUM -> common.tokenized() ? v : v + " as " + tsType() + (field.required() ? "" : " | null");
            default -> v;
        };
    }

    /**
     * The list endpoint's own query parameters ({@code PageQuery} and {@code ?include=}): a filter named like one
     * would take it over ({@code ?sort=createdAt:asc} filtered on a field {@code sort} and found nothing).
     */
    static final Set<String> LIST_QUERY_PARAMETERS = Set.of("page", "pageSize", "sort", "q", "count", "after", "include");

    /** Equality filter on the list endpoint: plain enums, booleans, strings without length limits, unless named like a list parameter. */
    public boolean filterable() {
        if (field.storage() != FieldStorage.PLAIN || LIST_QUERY_PARAMETERS.contains(common.property())) {
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

    /** Whether {@code ?sort=} accepts this field: plain columns other than JSON. */
    public boolean sortable() {
        return field.storage() == FieldStorage.PLAIN && type() != FieldType.JSON;
    }
}
