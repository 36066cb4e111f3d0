package io.veroforge.localapi;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One resource type the local API announces in discovery: what kubectl needs to map
 * {@code kubectl get tn} to {@code /apis/veroforge.io/v1alpha1/tenants}, and the printer
 * columns a Table of it shows.
 */
record ApiResourceType(String group, String version, String plural, String singular, String kind,
        boolean namespaced, List<String> shortNames, List<String> categories, boolean statusSubresource,
        List<PrinterColumn> printerColumns) {

    static final List<String> VERBS = List.of("create", "delete", "deletecollection", "get", "list", "patch", "update",
            "watch");

    /** A CRD additionalPrinterColumn; built-in kinds get Name and Age only. */
    record PrinterColumn(String name, String type, String format, String description, int priority, String jsonPath) {

        static PrinterColumn from(JsonNode column) {
            return new PrinterColumn(column.path("name").asText(), column.path("type").asText("string"),
                    column.path("format").asText(""), column.path("description").asText(""),
                    column.path("priority").asInt(0), column.path("jsonPath").asText());
        }
    }

    static ApiResourceType builtIn(String group, String version, String plural, String kind, boolean namespaced,
            String... shortNames) {
        return new ApiResourceType(group, version, plural, kind.toLowerCase(), kind, namespaced, List.of(shortNames),
                List.of(), false, List.of());
    }

    String groupVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** Reads every served version of a stored CustomResourceDefinition. */
    static List<ApiResourceType> fromCrd(JsonNode crd) {
        JsonNode spec = crd.path("spec");
        JsonNode names = spec.path("names");
        List<String> shortNames = strings(names.path("shortNames"));
        List<String> categories = strings(names.path("categories"));
        boolean namespaced = !"Cluster".equals(spec.path("scope").asText("Namespaced"));
        String plural = names.path("plural").asText();
        String kind = names.path("kind").asText();
        String singular = names.path("singular").asText(kind.toLowerCase());
        return java.util.stream.StreamSupport.stream(spec.path("versions").spliterator(), false)
                .filter(v -> v.path("served").asBoolean(true))
                .map(v -> new ApiResourceType(spec.path("group").asText(), v.path("name").asText(), plural, singular,
                        kind, namespaced, shortNames, categories, v.path("subresources").has("status"),
                        java.util.stream.StreamSupport.stream(v.path("additionalPrinterColumns").spliterator(), false)
                                .map(PrinterColumn::from).toList()))
                .toList();
    }

    private static List<String> strings(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
