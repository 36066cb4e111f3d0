package io.veroforge.generator.synthesize;

import io.veroforge.generator.model.Field;
import io.veroforge.generator.model.FieldStorage;
import io.veroforge.generator.model.FieldType;
import java.util.ArrayList;
import java.util.List;

/** One field as {@code schema.prisma} spells it: its Prisma type and its {@code @db}/{@code @map} attributes. */
public final class FieldPrisma {

    private final Field field;

    FieldPrisma(Field field) {
        this.field = field;
    }

    /** {@code String}, {@code Bytes?}, …: encrypted values are bytes, tokens and enums are strings. */
    public String type() {
        String base = switch (field.storage()) {
            case ENCRYPTED -> "Bytes";
            case TOKENIZED -> "String";
            case PLAIN -> field.type() == FieldType.ENUM ? "String" : field.type().prismaType();
        };
        return base + (field.required() ? "" : "?");
    }

    /** The native column type (plain columns only) and the column name, e.g. {@code @db.VarChar(40) @map("number")}. */
    public String attributes() {
        List<String> attrs = new ArrayList<>();
        if (field.storage() == FieldStorage.PLAIN) {
            if (field.sqlType().startsWith("varchar(")) {
                attrs.add("@db.VarChar(" + field.maxLength() + ")");
            } else {
                switch (field.type()) {
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
}
