package io.veroforge.generator.input;

import java.math.BigDecimal;
import java.util.List;

public record FieldInput(
        String name,
        String type,
        String description,
        Boolean required,
        Boolean unique,
        BigDecimal min,
        BigDecimal max,
        Integer minLength,
        Integer maxLength,
        String pattern,
        List<String> values,
        List<String> markers) {

    public FieldInput {
        values = Lists.orEmpty(values);
        markers = Lists.orEmpty(markers);
    }

    /** The same field under the name the app uses for it (a reserved or differently cased name mapped). */
    public FieldInput named(String newName) {
        return new FieldInput(newName, type, description, required, unique, min, max, minLength, maxLength, pattern, values, markers);
    }
}
