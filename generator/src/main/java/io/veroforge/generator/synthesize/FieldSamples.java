package io.veroforge.generator.synthesize;

import io.veroforge.generator.model.Field;
import io.veroforge.generator.model.FieldType;
import io.veroforge.generator.model.Inflector;
import io.veroforge.generator.samples.PatternSampler;
import io.veroforge.generator.samples.TextSamples;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Sample values of one field for the generated tests: valid ones, honouring patterns, lengths,
 * ranges, enum values and formats, and distinct ones for unique fields when a test creates more
 * than one row ({@code SAMPLES[entity](ids, n)}). The validator refuses specs whose constraints
 * cannot be sampled ({@link io.veroforge.generator.samples}), so every field here has a value.
 */
public final class FieldSamples {

    private final FieldView common;
    private final Field field;
    private List<String> variants; // TypeScript literals, computed on first use

    FieldSamples(FieldView common) {
        this.common = common;
        this.field = common.field();
    }

    private FieldType type() {
        return field.type();
    }

    /** Whether the generated tests fill this field: always, unless an optional field has no valid sample. */
    public boolean included() {
        return field.required() || !variants().isEmpty();
    }

    /** A valid value as a TypeScript literal. */
    public String value() {
        List<String> v = variants();
        if (v.isEmpty()) {
            throw new IllegalStateException(field.entity() + "." + field.name() + ": no valid sample (the validator should have refused it)");
        }
        return v.get(0);
    }

    /**
     * The value of row {@code n} of a test as a TypeScript expression over {@code n}: the same for
     * every row, except for a unique field, whose rows differ.
     */
    public String rowValue() {
        List<String> v = variants();
        return field.unique() && v.size() > 1 ? "[" + String.join(", ", v) + "][n]" : value();
    }

    /** How many rows of this entity a test can create without breaking this field's uniqueness. */
    public int distinctRows() {
        return field.unique() ? variants().size() : PatternSampler.MAX_VARIANTS;
    }

    /** Another valid value, for update tests. */
    public String otherValue() {
        if (common.tokenized()) {
            return "'tok_sample_other'";
        }
        if (TextSamples.handles(type())) {
            String other = TextSamples.other(type(), words(), field.minLength(), field.maxLength(), field.pattern());
            return other == null ? value() : TsLiteral.string(other);
        }
        return switch (type()) {
            case UUID -> "'00000000-0000-4000-8000-000000000099'";
            case INTEGER -> number(4);
            case DECIMAL, MONEY -> "'" + number(4) + "'";
            case BOOLEAN -> "false";
            case DATE -> "'2024-02-20'";
            case DATETIME -> "'2024-02-20T15:30:00.000Z'";
            case ENUM -> TsLiteral.string(field.values().get(field.values().size() > 1 ? 1 : 0));
            case JSON -> "{ sample: false }";
            default -> value();
        };
    }

    /** Whether the update test can change this field to {@link #otherValue()} and read it back unchanged. */
    public boolean updatable() {
        if (field.unique() || field.pattern() != null) {
            return false;
        }
        return switch (type()) {
            case STRING, TEXT, ENUM, BOOLEAN, INTEGER -> !(type() == FieldType.ENUM && field.values().size() < 2)
                    && !otherValue().equals(value());
            default -> false;
        };
    }

    /**
     * Whether the sample's text is long enough (4+ characters) that ciphertext holding it by chance is
     * negligible: a one-digit number's byte turns up in a third of pgcrypto messages.
     */
    public boolean distinctiveText() {
        if (type() == FieldType.JSON) {
            return true;
        }
        String v = value();
        String text = v.startsWith("'") && v.endsWith("'") ? v.substring(1, v.length() - 1) : v;
        return text.length() >= 4;
    }

    /** Every row's value as a TypeScript literal (one for a non-unique field). */
    List<String> rowLiterals() {
        return field.unique() ? variants() : variants().isEmpty() ? List.of() : List.of(value());
    }

    private List<String> variants() {
        if (variants == null) {
            variants = computeVariants();
        }
        return variants;
    }

    private String words() {
        return String.join(" ", Inflector.words(common.property()));
    }

    private List<String> computeVariants() {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        if (common.tokenized()) {
            out.add("'tok_sample_4242'");
            out.add("'tok_sample_4242_2'");
            out.add("'tok_sample_4242_3'");
            return List.copyOf(out);
        }
        if (TextSamples.handles(type())) {
            TextSamples.samples(type(), words(), field.minLength(), field.maxLength(), field.pattern())
                    .forEach(s -> out.add(TsLiteral.string(s)));
            return List.copyOf(out);
        }
        for (int k = 0; k < PatternSampler.MAX_VARIANTS; k++) {
            String v = switch (type()) {
                case UUID -> "'00000000-0000-4000-8000-00000000000" + (k + 1) + "'";
                case INTEGER -> number(k);
                case DECIMAL, MONEY -> "'" + number(k) + "'"; // whole numbers read back identically ("3", not "3.00") from numeric columns
                case BOOLEAN -> k == 0 ? "true" : "false";
                case DATE -> "'" + LocalDate.of(2024, 1, 15).plusDays(k) + "'";
                case DATETIME -> "'" + LocalDateTime.of(2024, 1, 15, 10, 0).plusHours(k) + ":00.000Z'";
                case ENUM -> k < field.values().size() ? TsLiteral.string(field.values().get(k)) : null;
                case JSON -> "{ sample: true }";
                default -> null;
            };
            if (v != null) {
                out.add(v);
            }
        }
        return List.copyOf(out);
    }

    /**
     * Candidate k (0, 1, 2; 4 for the update value): 3 + k moved into the field's range, a whole
     * number where the range holds one, else the range's lower bound. May repeat for a narrow range.
     */
    private String number(int k) {
        BigDecimal min = field.min();
        BigDecimal max = field.max();
        BigDecimal value = BigDecimal.valueOf(3L + k);
        if (min != null && value.compareTo(min) < 0) {
            value = min.setScale(0, RoundingMode.CEILING).add(BigDecimal.valueOf(k));
        }
        if (max != null && value.compareTo(max) > 0) {
            value = max.setScale(0, RoundingMode.FLOOR).subtract(BigDecimal.valueOf(Math.min(k, 2)));
        }
        if (min != null && value.compareTo(min) < 0 || max != null && value.compareTo(max) > 0) {
            value = min == null ? max : min; // a decimal range without a whole number in it: its bound
        }
        return value.setScale(Math.max(0, value.stripTrailingZeros().scale()), RoundingMode.UNNECESSARY).toPlainString();
    }
}
