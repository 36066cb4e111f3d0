package io.veroforge.generator.validate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The reserved-word lists of {@code validation/reserved-words.yaml}, loaded once. */
public record ReservedWords(Set<String> sql, Set<String> typescript, Set<String> prisma, Set<String> generatorFields,
                            Set<String> generatorEntities) {

    private static final ReservedWords BUNDLED = load();

    public static ReservedWords bundled() {
        return BUNDLED;
    }

    public boolean sqlReserved(String identifier) {
        return sql.contains(identifier.toLowerCase(Locale.ROOT));
    }

    private record Lists(List<String> sql, List<String> typescript, List<String> prisma, List<String> generatorFields,
                         List<String> generatorEntities) {
    }

    private static ReservedWords load() {
        try (InputStream in = ReservedWords.class.getClassLoader().getResourceAsStream("validation/reserved-words.yaml")) {
            if (in == null) {
                throw new IllegalStateException("missing resource validation/reserved-words.yaml");
            }
            Lists lists = new ObjectMapper(new YAMLFactory()).readValue(in, Lists.class);
            return new ReservedWords(
                    lists.sql().stream().map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet()),
                    Set.copyOf(lists.typescript()), Set.copyOf(lists.prisma()),
                    Set.copyOf(lists.generatorFields()), Set.copyOf(lists.generatorEntities()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
