package io.veroforge.generator.synthesize;

import io.veroforge.generator.model.Field;
import io.veroforge.generator.model.FieldType;
import java.util.ArrayList;
import java.util.List;

/** One field as the generated UI spells it: its input kind and the descriptor the form validates with. */
public final class FieldUi {

    private final FieldView common;
    private final Field field;

    FieldUi(FieldView common) {
        this.common = common;
        this.field = common.field();
    }

    private FieldType type() {
        return field.type();
    }

    /** The HTML input type, or {@code textarea} / {@code select}; a token is typed as plain text. */
    public String inputKind() {
        if (common.tokenized()) {
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
    public String descriptor() {
        boolean tokenized = common.tokenized();
        List<String> parts = new ArrayList<>();
        parts.add("name: " + TsLiteral.string(common.property()));
        parts.add("label: " + TsLiteral.string(common.label()));
        parts.add("input: " + TsLiteral.string(inputKind()));
        parts.add("required: " + field.required());
        parts.add("valueType: " + TsLiteral.string(valueType()));
        if (type() == FieldType.ENUM && !tokenized) {
            parts.add("options: " + TsLiteral.stringArray(field.values()));
        }
        if (type().numeric() && !tokenized) {
            if (field.min() != null) {
                parts.add("min: " + field.min().toPlainString());
            }
            if (field.max() != null) {
                parts.add("max: " + field.max().toPlainString());
            }
            parts.add("integer: " + (type() == FieldType.INTEGER));
        }
        if (type().textual() || tokenized) {
            if (field.minLength() != null && field.minLength() > 0) {
                parts.add("minLength: " + field.minLength());
            }
            if (field.maxLength() != null && !tokenized) {
                parts.add("maxLength: " + field.maxLength());
            }
            if (field.pattern() != null && !tokenized) {
                parts.add("pattern: " + TsLiteral.string(field.pattern()));
            }
        }
        if (type() == FieldType.EMAIL) {
            parts.add("format: 'email'");
        }
        if (tokenized) {
            parts.add("format: 'token'");
        }
        if (common.encrypted()) {
            parts.add("sensitive: true");
        }
        return "{ " + String.join(", ", parts) + " }";
    }

    /** How the UI converts the input's text: string, number, boolean or json. */
    public String valueType() {
        if (common.tokenized()) {
            return "string";
        }
        return switch (type()) {
            case INTEGER -> "number";
            case BOOLEAN -> "boolean";
            case JSON -> "json";
            default -> "string";
        };
    }
}
