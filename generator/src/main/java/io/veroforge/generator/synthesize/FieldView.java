package io.veroforge.generator.synthesize;

import io.veroforge.generator.model.Field;
import io.veroforge.generator.model.FieldStorage;
import io.veroforge.generator.model.Inflector;
import io.veroforge.generator.model.Marker;
import java.util.Locale;

/**
 * One field of an entity: what every layer of the pack shares (names, label, required, storage and
 * markers), and one view per layer that spells it for that layer: {@link #sql()} for
 * {@code db/schema.sql} and the migration planner, {@link #prisma()} for {@code schema.prisma},
 * {@link #dto()} for the API's DTOs and service, {@link #ui()} for the UI and {@link #samples()}
 * for the generated tests.
 */
public final class FieldView {

    private final Field field;
    private final FieldSql sql;
    private final FieldPrisma prisma;
    private final FieldDto dto;
    private final FieldUi ui;
    private final FieldSamples samples;

    FieldView(Field field, String entityTable) {
        this.field = field;
        this.sql = new FieldSql(field, entityTable, searchable());
        this.prisma = new FieldPrisma(field);
        this.dto = new FieldDto(this);
        this.ui = new FieldUi(this);
        this.samples = new FieldSamples(this);
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

    /** The property in words, capitalized: {@code cardNumberToken} is "Card number token". */
    public String label() {
        String words = String.join(" ", Inflector.words(property()));
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    public boolean required() {
        return field.required();
    }

    public boolean unique() {
        return field.unique();
    }

    public boolean encrypted() {
        return field.storage() == FieldStorage.ENCRYPTED;
    }

    public boolean tokenized() {
        return field.storage() == FieldStorage.TOKENIZED;
    }

    /** Marked searchable and stored as plain text: the list endpoint searches it and the schema indexes it. */
    public boolean searchable() {
        return field.has(Marker.SEARCHABLE) && field.storage() == FieldStorage.PLAIN && field.type().textual();
    }

    /** A text value stored as it is (not encrypted, not a token): what a search without marked fields looks in. */
    public boolean plainText() {
        return field.storage() == FieldStorage.PLAIN && field.type().textual() && !tokenized();
    }

    /** Marked PII or PHI: personal data an erase request overwrites where it can. */
    public boolean personal() {
        return field.has(Marker.PII) || field.has(Marker.PHI);
    }

    public FieldSql sql() {
        return sql;
    }

    public FieldPrisma prisma() {
        return prisma;
    }

    public FieldDto dto() {
        return dto;
    }

    public FieldUi ui() {
        return ui;
    }

    public FieldSamples samples() {
        return samples;
    }

    @Override
    public String toString() {
        return field.entity() + "." + field.name().toLowerCase(Locale.ROOT);
    }
}
