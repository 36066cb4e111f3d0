package io.veroforge.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The type of an entity field. The generator maps each to a PostgreSQL column type, a Prisma
 * type, a TypeScript type, a validator and a UI input. Constants are upper-case because
 * {@code boolean} and {@code enum} are Java keywords; the YAML values are the lower-case names.
 */
public enum FieldType {
    /** Short text (a single line). */
    @JsonProperty("string") STRING,
    /** Long text (multi-line). */
    @JsonProperty("text") TEXT,
    @JsonProperty("integer") INTEGER,
    @JsonProperty("decimal") DECIMAL,
    /** An amount of money: fixed-point with two decimals (numeric(19,2)). */
    @JsonProperty("money") MONEY,
    @JsonProperty("boolean") BOOLEAN,
    @JsonProperty("date") DATE,
    @JsonProperty("datetime") DATETIME,
    /** One of the field's {@code values}. */
    @JsonProperty("enum") ENUM,
    @JsonProperty("email") EMAIL,
    @JsonProperty("phone") PHONE,
    @JsonProperty("url") URL,
    @JsonProperty("uuid") UUID,
    @JsonProperty("json") JSON,
    /** A reference to an uploaded file kept in object storage. */
    @JsonProperty("file") FILE
}
