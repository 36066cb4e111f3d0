package io.veroforge.generator.model;

/**
 * The field types an AppSpec can use, with their plain (unencrypted, untokenized) mappings to
 * PostgreSQL, Prisma and TypeScript. Decimal and money travel as strings in TypeScript because
 * a JavaScript number would silently lose cents.
 */
public enum FieldType implements Keyword {
    STRING("string", "text", "String", "string"),
    TEXT("text", "text", "String", "string"),
    INTEGER("integer", "integer", "Int", "number"),
    DECIMAL("decimal", "numeric", "Decimal", "string"),
    MONEY("money", "numeric(19,4)", "Decimal", "string"),
    BOOLEAN("boolean", "boolean", "Boolean", "boolean"),
    DATE("date", "date", "DateTime", "string"),
    DATETIME("datetime", "timestamptz", "DateTime", "string"),
    ENUM("enum", "text", null, null),
    EMAIL("email", "text", "String", "string"),
    PHONE("phone", "text", "String", "string"),
    URL("url", "text", "String", "string"),
    UUID("uuid", "uuid", "String", "string"),
    JSON("json", "jsonb", "Json", "unknown"),
    FILE("file", "text", "String", "string");

    private final String keyword;
    private final String sqlType;
    private final String prismaType;
    private final String tsType;

    FieldType(String keyword, String sqlType, String prismaType, String tsType) {
        this.keyword = keyword;
        this.sqlType = sqlType;
        this.prismaType = prismaType;
        this.tsType = tsType;
    }

    @Override
    public String keyword() {
        return keyword;
    }

    /** PostgreSQL column type; a bounded string becomes varchar(n) in {@link Field#sqlType()}. */
    public String sqlType() {
        return sqlType;
    }

    /** Prisma scalar type; {@code null} for enums, whose type name depends on the entity. */
    public String prismaType() {
        return prismaType;
    }

    /** TypeScript type; {@code null} for enums, which become a union of their values. */
    public String tsType() {
        return tsType;
    }

    public boolean numeric() {
        return this == INTEGER || this == DECIMAL || this == MONEY;
    }

    /** Types whose values are text a user types, so length and pattern rules make sense. */
    public boolean textual() {
        return this == STRING || this == TEXT || this == EMAIL || this == PHONE || this == URL;
    }
}
