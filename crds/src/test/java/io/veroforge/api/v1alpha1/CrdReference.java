package io.veroforge.api.v1alpha1;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ValidationRule;
import io.fabric8.kubernetes.client.utils.Serialization;

/**
 * Renders one CRD as a Markdown reference page (as CloudNativePG publishes its API reference):
 * what kubectl and the cluster know of the kind, then every field of spec and status with its
 * type, default, validation and description, read from the CRD's {@code openAPIV3Schema} alone,
 * so the page can never say something the API server does not enforce.
 */
final class CrdReference {

    private CrdReference() {
    }

    static String render(CustomResourceDefinition crd) {
        var names = crd.getSpec().getNames();
        CustomResourceDefinitionVersion version = crd.getSpec().getVersions().stream()
                .filter(CustomResourceDefinitionVersion::getStorage).findFirst().orElseThrow();
        StringBuilder page = new StringBuilder();
        page.append("# ").append(names.getKind()).append("\n\n");
        page.append("<!-- generated from crds/crd/").append(crd.getMetadata().getName())
                .append("-v1.yml by CrdReferenceTest; regenerate with ").append(CrdDriftTest.UPDATE_COMMAND).append(" -->\n\n");
        page.append("| | |\n|---|---|\n");
        page.append("| API version | `").append(crd.getSpec().getGroup()).append('/').append(version.getName()).append("` |\n");
        page.append("| scope | ").append(crd.getSpec().getScope()).append(" |\n");
        page.append("| plural | `").append(names.getPlural()).append("` |\n");
        if (names.getShortNames() != null && !names.getShortNames().isEmpty()) {
            page.append("| short names | ").append(names.getShortNames().stream().map(n -> "`" + n + "`").collect(Collectors.joining(", "))).append(" |\n");
        }
        if (names.getCategories() != null && !names.getCategories().isEmpty()) {
            page.append("| categories | ").append(names.getCategories().stream().map(n -> "`" + n + "`").collect(Collectors.joining(", "))).append(" |\n");
        }
        page.append("| status subresource | ").append(version.getSubresources() != null && version.getSubresources().getStatus() != null ? "yes" : "no").append(" |\n");

        List<CustomResourceColumnDefinition> columns = version.getAdditionalPrinterColumns();
        if (columns != null && !columns.isEmpty()) {
            page.append("\n## `kubectl get` columns\n\n| column | type | from |\n|---|---|---|\n");
            for (CustomResourceColumnDefinition column : columns) {
                page.append("| ").append(column.getName()).append(" | ").append(column.getType()).append(" | `")
                        .append(column.getJsonPath()).append("` |\n");
            }
        }
        JSONSchemaProps root = version.getSchema().getOpenAPIV3Schema();
        for (String part : List.of("spec", "status")) {
            JSONSchemaProps schema = root.getProperties() == null ? null : root.getProperties().get(part);
            if (schema == null) {
                continue;
            }
            page.append("\n## ").append(part).append("\n\n");
            rules(schema).forEach(rule -> page.append("- rule on `").append(part).append("`: ").append(rule).append('\n'));
            page.append("\n| field | type | default | validation | description |\n|---|---|---|---|---|\n");
            List<String[]> rows = new ArrayList<>();
            fields(part, schema, rows);
            for (String[] row : rows) {
                page.append("| ").append(String.join(" | ", row)).append(" |\n");
            }
        }
        return page.toString();
    }

    private static void fields(String path, JSONSchemaProps schema, List<String[]> rows) {
        Map<String, JSONSchemaProps> properties = schema.getProperties();
        if (properties == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        for (var property : properties.entrySet()) {
            String fieldPath = path + "." + property.getKey();
            JSONSchemaProps field = property.getValue();
            rows.add(new String[] {"`" + fieldPath + "`", type(field), defaultOf(field),
                    cell(validation(field, required.contains(property.getKey()))), cell(field.getDescription())});
            JSONSchemaProps element = "array".equals(field.getType()) && field.getItems() != null ? field.getItems().getSchema() : null;
            if (element != null) {
                fields(fieldPath + "[]", element, rows);
            } else {
                fields(fieldPath, field, rows);
            }
        }
    }

    private static String type(JSONSchemaProps field) {
        if (Boolean.TRUE.equals(field.getXKubernetesIntOrString())) {
            return "int or string";
        }
        if ("array".equals(field.getType()) && field.getItems() != null && field.getItems().getSchema() != null) {
            return "[]" + type(field.getItems().getSchema());
        }
        if ("object".equals(field.getType()) && field.getAdditionalProperties() != null
                && field.getAdditionalProperties().getSchema() != null) {
            return "map[string]" + type(field.getAdditionalProperties().getSchema());
        }
        String type = field.getType() == null ? "any" : field.getType();
        return field.getFormat() == null ? type : type + " (" + field.getFormat() + ")";
    }

    private static String defaultOf(JSONSchemaProps field) {
        return field.getDefault() == null ? "" : "`" + Serialization.asJson(field.getDefault()).replace("|", "\\|") + "`";
    }

    private static String validation(JSONSchemaProps field, boolean required) {
        List<String> checks = new ArrayList<>();
        if (required) {
            checks.add("required");
        }
        if (field.getEnum() != null && !field.getEnum().isEmpty()) {
            checks.add("one of " + field.getEnum().stream().map(v -> "`" + v.asText() + "`").collect(Collectors.joining(", ")));
        }
        addIf(checks, "minimum", field.getMinimum());
        addIf(checks, "maximum", field.getMaximum());
        addIf(checks, "minLength", field.getMinLength());
        addIf(checks, "maxLength", field.getMaxLength());
        addIf(checks, "minItems", field.getMinItems());
        addIf(checks, "maxItems", field.getMaxItems());
        if (field.getPattern() != null) {
            checks.add("pattern `" + field.getPattern() + "`");
        }
        if (Boolean.TRUE.equals(field.getXKubernetesPreserveUnknownFields())) {
            checks.add("any fields kept");
        }
        checks.addAll(rules(field));
        return String.join("; ", checks);
    }

    private static List<String> rules(JSONSchemaProps field) {
        List<ValidationRule> rules = field.getXKubernetesValidations();
        return rules == null ? List.of() : rules.stream()
                .map(r -> (r.getMessage() == null ? "" : r.getMessage() + " ") + "(`" + r.getRule() + "`)")
                .toList();
    }

    private static void addIf(List<String> checks, String name, Object value) {
        if (value != null) {
            String shown = value instanceof Double d && d == Math.rint(d) ? String.valueOf(d.longValue()) : String.valueOf(value);
            checks.add(name + " " + shown);
        }
    }

    /** One table cell: no line breaks, no column separators. */
    private static String cell(String text) {
        return text == null ? "" : text.replace("\n", " ").replace("|", "\\|").trim();
    }
}
