package io.veroforge.api.v1alpha1;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * One typed attribute of an entity, with the validations the generated API and UI enforce.
 * The platform adds {@code id}, {@code tenantId}, {@code createdAt} and {@code updatedAt} to
 * every entity itself, so those names are reserved.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@ValidationRule(value = "!(self.name in ['id', 'tenantId', 'createdAt', 'updatedAt'])",
        message = "spec.entities[].fields[].name: id, tenantId, createdAt and updatedAt are added to every entity by the platform; remove this field or rename it")
@ValidationRule(value = "self.type != 'enum' || (has(self.values) && size(self.values) > 0)",
        message = "spec.entities[].fields[].values: a field of type enum needs at least one value; list them in values or choose another type")
@ValidationRule(value = "!has(self.values) || size(self.values) == 0 || self.type == 'enum'",
        message = "spec.entities[].fields[].values: values apply only to type enum; remove values or set type: enum")
@ValidationRule(value = "(!has(self.min) && !has(self.max)) || self.type in ['integer', 'decimal', 'money']",
        message = "spec.entities[].fields[].min/max: apply only to integer, decimal and money fields; use minLength/maxLength for text")
@ValidationRule(value = "!has(self.min) || !has(self.max) || self.min <= self.max",
        message = "spec.entities[].fields[].min: must not be greater than max")
@ValidationRule(value = "(!has(self.minLength) && !has(self.maxLength) && !has(self.pattern)) || self.type in ['string', 'text', 'email', 'phone', 'url']",
        message = "spec.entities[].fields[].minLength/maxLength/pattern: apply only to string, text, email, phone and url fields")
@ValidationRule(value = "!has(self.minLength) || !has(self.maxLength) || self.minLength <= self.maxLength",
        message = "spec.entities[].fields[].minLength: must not be greater than maxLength")
public class FieldSpec {

    @Required
    @Size(min = 1, max = 63)
    @Pattern(NamePatterns.FIELD_NAME)
    @JsonPropertyDescription("camelCase name, e.g. scheduledAt; the column is its snake_case form.")
    private String name;

    @Required
    @JsonPropertyDescription("string, text, integer, decimal, money, boolean, date, datetime, enum (with values), email, phone, url, uuid, json or file.")
    private FieldType type;

    @Size(max = 500)
    @JsonPropertyDescription("What the field means; shown as help text and given to the AI as context.")
    private String description;

    @JsonPropertyDescription("A value must be given (NOT NULL).")
    private Boolean required;

    @JsonPropertyDescription("No two rows of the tenant may share a value (a unique index that includes tenant_id).")
    private Boolean unique;

    @JsonPropertyDescription("Smallest allowed value (integer, decimal, money).")
    private Double min;

    @JsonPropertyDescription("Largest allowed value (integer, decimal, money).")
    private Double max;

    @Min(0)
    @Max(1048576)
    @JsonPropertyDescription("Shortest allowed text (string, text, email, phone, url).")
    private Integer minLength;

    @Min(1)
    @Max(1048576)
    @JsonPropertyDescription("Longest allowed text (string, text, email, phone, url).")
    private Integer maxLength;

    @Size(max = 512)
    @JsonPropertyDescription("Regular expression (ECMAScript syntax) a text value must match.")
    private String pattern;

    @Size(max = 50)
    @JsonPropertyDescription("The allowed values of an enum field, e.g. [scheduled, inProgress, done].")
    private List<@Pattern(NamePatterns.ENUM_VALUE) @Size(max = 63) String> values = new ArrayList<>();

    @Size(max = 4)
    @JsonPropertyDescription("pii, phi, cardData, searchable: what the field holds, which decides encryption, audit, masking and indexes.")
    private List<FieldMarker> markers = new ArrayList<>();

    public FieldSpec() {
    }

    public FieldSpec(String name, FieldType type) {
        this.name = name;
        this.type = type;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public FieldType getType() {
        return type;
    }

    public void setType(FieldType type) {
        this.type = type;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Boolean getRequired() {
        return required;
    }

    public void setRequired(Boolean required) {
        this.required = required;
    }

    public Boolean getUnique() {
        return unique;
    }

    public void setUnique(Boolean unique) {
        this.unique = unique;
    }

    public Double getMin() {
        return min;
    }

    public void setMin(Double min) {
        this.min = min;
    }

    public Double getMax() {
        return max;
    }

    public void setMax(Double max) {
        this.max = max;
    }

    public Integer getMinLength() {
        return minLength;
    }

    public void setMinLength(Integer minLength) {
        this.minLength = minLength;
    }

    public Integer getMaxLength() {
        return maxLength;
    }

    public void setMaxLength(Integer maxLength) {
        this.maxLength = maxLength;
    }

    public String getPattern() {
        return pattern;
    }

    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    public List<String> getValues() {
        return values;
    }

    public void setValues(List<String> values) {
        this.values = values == null ? new ArrayList<>() : values;
    }

    public List<FieldMarker> getMarkers() {
        return markers;
    }

    public void setMarkers(List<FieldMarker> markers) {
        this.markers = markers == null ? new ArrayList<>() : markers;
    }
}
