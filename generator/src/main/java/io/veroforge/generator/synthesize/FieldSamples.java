package io.veroforge.generator.synthesize;

import io.veroforge.generator.model.Field;
import io.veroforge.generator.model.FieldType;
import io.veroforge.generator.model.Inflector;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Sample values of one field for the generated tests: valid ones, honouring lengths, ranges, patterns and values. */
public final class FieldSamples {

    private final FieldView common;
    private final Field field;

    FieldSamples(FieldView common) {
        this.common = common;
        this.field = common.field();
    }

    private FieldType type() {
        return field.type();
    }

    /** Whether the generated tests fill this field: required ones always, optional ones when a valid value is obvious. */
    public boolean included() {
        return field.required() || field.pattern() == null;
    }

    /** A valid value as a TypeScript literal. */
    public String value() {
        return sampleValue(false);
    }

    /** Another valid value, for update tests. */
    public String otherValue() {
        return sampleValue(true);
    }

    /** Whether the update test can change this field to {@link #otherValue()} and read it back unchanged. */
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
        if (common.tokenized()) {
            return other ? "'tok_sample_other'" : "'tok_sample_4242'";
        }
        return switch (type()) {
            case STRING, TEXT, PHONE, FILE -> TsLiteral.string(text(other));
            case EMAIL -> other ? "'other@example.com'" : "'sample@example.com'";
            case URL -> "'https://example.com/" + (other ? "other" : "sample") + "'";
            case UUID -> other ? "'00000000-0000-4000-8000-000000000002'" : "'00000000-0000-4000-8000-000000000001'";
            case INTEGER -> number(other);
            case DECIMAL, MONEY -> "'" + number(other) + "'"; // whole numbers read back identically ("3", not "3.00") from numeric columns
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
        String base = (other ? "Updated " : "Sample ") + String.join(" ", Inflector.words(common.property()));
        int max = field.maxLength() == null ? 200 : field.maxLength();
        int min = field.minLength() == null ? 0 : field.minLength();
        StringBuilder s = new StringBuilder(base.length() > max ? base.substring(0, max) : base);
        while (s.length() < min) {
            s.append('x');
        }
        return s.toString();
    }

    /** 3 (7 for the other value), moved into the field's range, as a whole number. */
    private String number(boolean other) {
        BigDecimal min = field.min();
        BigDecimal max = field.max();
        BigDecimal value = BigDecimal.valueOf(other ? 7 : 3);
        if (min != null && value.compareTo(min) < 0) {
            value = min.add(BigDecimal.valueOf(other ? 1 : 0));
        }
        if (max != null && value.compareTo(max) > 0) {
            value = max;
        }
        return value.setScale(0, RoundingMode.CEILING).toPlainString();
    }
}
