package io.veroforge.generator.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Reads and writes a {@link ResolvedModel} in the JSON the operator stores in its Generation
 * resource, which is plain {@code new ObjectMapper().valueToTree(model)}: record components by
 * name, enums by {@code name()}, nulls written.
 *
 * <p>Reading is strict where it matters for losing information: every record component must be
 * present ({@code FAIL_ON_MISSING_CREATOR_PROPERTIES}) and a null never becomes a primitive's
 * default. The only properties skipped are those the writer derives from a record's {@code getX()}
 * or {@code isX()} method (today only {@link Problem#isError()}, which is not part of the model) —
 * they carry nothing the components do not. Any other unknown property still fails, so a renamed
 * component is noticed instead of silently read as null.
 *
 * <p>Decimals: Jackson's default tree drops trailing zeros ({@code 10.50 → 10.5}), and a JSON
 * number that went through a reader without {@code USE_BIG_DECIMAL_FOR_FLOATS} (such as the
 * Kubernetes client's) comes back as a double. Field bounds are whole numbers or short decimals in
 * practice, so the value survives; only the scale can differ from the original model.
 */
public final class ModelJson {

    /** The writer is deliberately the operator's default mapper: the stored format is whatever it produces. */
    private static final ObjectMapper WRITER = new ObjectMapper();
    private static final ObjectMapper READER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .addHandler(new DerivedAccessorSkipper());

    private ModelJson() {
    }

    public static JsonNode toTree(ResolvedModel model) {
        return WRITER.valueToTree(model);
    }

    public static String toJson(ResolvedModel model) {
        try {
            return WRITER.writeValueAsString(model);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the resolved model cannot be written as JSON", e);
        }
    }

    /** @throws IllegalArgumentException when the tree is not a resolved model (names the offending path) */
    public static ResolvedModel fromTree(JsonNode tree) {
        return read(tree, ResolvedModel.class);
    }

    /** Any part of the model (package-private: the tests read single records with it). */
    static <T> T read(JsonNode tree, Class<T> type) {
        try {
            return READER.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    public static ResolvedModel fromJson(String json) {
        try {
            return fromTree(READER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Skips a property of a record only when the writer produces it from a method that is not a
     * record component; unknown properties of any other kind are left to fail.
     */
    private static final class DerivedAccessorSkipper extends DeserializationProblemHandler {

        private final Map<Class<?>, Set<String>> derivedByType = new ConcurrentHashMap<>();

        @Override
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
                                             Object beanOrClass, String propertyName) throws IOException {
            Class<?> type = beanOrClass instanceof Class<?> c ? c : beanOrClass.getClass();
            if (!type.isRecord() || !derivedByType.computeIfAbsent(type, ModelJson::derivedProperties).contains(propertyName)) {
                return false;
            }
            p.skipChildren();
            return true;
        }
    }

    /** What the writer emits for a record beyond its components. */
    private static Set<String> derivedProperties(Class<?> recordType) {
        Set<String> components = Arrays.stream(recordType.getRecordComponents()).map(c -> c.getName()).collect(Collectors.toSet());
        BeanDescription description = WRITER.getSerializationConfig().introspect(WRITER.constructType(recordType));
        return description.findProperties().stream()
                .filter(BeanPropertyDefinition::couldSerialize)
                .map(BeanPropertyDefinition::getName)
                .filter(name -> !components.contains(name))
                .collect(Collectors.toUnmodifiableSet());
    }
}
