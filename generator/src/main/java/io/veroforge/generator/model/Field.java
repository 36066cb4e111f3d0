package io.veroforge.generator.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A typed field of an entity, with its validations, markers and storage, plus the computed
 * column name and type mappings the templates use.
 *
 * @param entity the owning entity's name (needed for enum type names)
 * @param storageReason why the storage is not plain (the compliance rule), or null
 * @param path   where a problem with this field should point (an input path for explicit fields)
 * @param description what the field means (help text, gap-filling context); may be null
 */
public record Field(
        String entity,
        String name,
        FieldType type,
        boolean required,
        boolean unique,
        BigDecimal min,
        BigDecimal max,
        Integer minLength,
        Integer maxLength,
        String pattern,
        List<String> values,
        List<Marker> markers,
        FieldStorage storage,
        String storageReason,
        Origin origin,
        String path,
        String description) {

    public Field {
        min = canonical(min);
        max = canonical(max);
        values = List.copyOf(values);
        markers = markers.stream().distinct().sorted().toList();
    }

    /**
     * Bounds are numbers, not text: {@code 200}, {@code 200.0} and Jackson's tree form {@code 2E+2}
     * are one bound, so the model keeps one spelling (no trailing zeros, never an exponent) and a
     * model read back from the operator's JSON equals the one written.
     */
    private static BigDecimal canonical(BigDecimal bound) {
        if (bound == null) {
            return null;
        }
        BigDecimal stripped = bound.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    public boolean has(Marker marker) {
        return markers.contains(marker);
    }

    /** Column name; a tokenized field keeps only the token, and its column says so. */
    public String column() {
        String base = Inflector.snake(name);
        return storage == FieldStorage.TOKENIZED ? base + "_token" : base;
    }

    public String sqlType() {
        return switch (storage) {
            case ENCRYPTED -> "bytea";
            case TOKENIZED -> "text";
            case PLAIN -> type == FieldType.STRING && maxLength != null ? "varchar(" + maxLength + ")" : type.sqlType();
        };
    }

    public String prismaType() {
        return switch (storage) {
            case ENCRYPTED -> "Bytes";
            case TOKENIZED -> "String";
            case PLAIN -> type == FieldType.ENUM ? enumTypeName() : type.prismaType();
        };
    }

    /** The type the API and UI see: decrypted values keep their logical type, tokens are strings. */
    public String tsType() {
        if (storage == FieldStorage.TOKENIZED) {
            return "string";
        }
        if (type == FieldType.ENUM) {
            return values.stream().map(v -> "'" + v + "'").collect(Collectors.joining(" | "));
        }
        return type.tsType();
    }

    /** Prisma enum / TypeScript type name for enum fields: {@code Job.status → JobStatus}. */
    public String enumTypeName() {
        return type == FieldType.ENUM ? Inflector.pascal(entity) + Inflector.pascal(name) : null;
    }

    /** This field with the markers of both (an explicit field replacing an ontology default keeps the default's classification). */
    public Field withMarkersOf(Field other) {
        List<Marker> union = new java.util.ArrayList<>(markers);
        union.addAll(other.markers());
        return new Field(entity, name, type, required, unique, min, max, minLength, maxLength, pattern, values,
                union, storage, storageReason, origin, path, description);
    }

    public Field withStorage(FieldStorage newStorage, String reason) {
        return new Field(entity, name, type, required, unique, min, max, minLength, maxLength, pattern, values,
                markers, newStorage, reason, origin, path, description);
    }
}
