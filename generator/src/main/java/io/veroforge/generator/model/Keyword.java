package io.veroforge.generator.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A closed set of values spelled one exact way in YAML (field types, relation kinds, …). */
public interface Keyword {

    /** The spelling used in AppSpec YAML. */
    String keyword();

    static <E extends Enum<E> & Keyword> Optional<E> parse(Class<E> type, String text) {
        if (text == null) {
            return Optional.empty();
        }
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.keyword().equals(text)).findFirst();
    }

    static <E extends Enum<E> & Keyword> List<String> keywords(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Keyword::keyword).toList();
    }
}
