package io.veroforge.localapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * The columns kube-apiserver prints for Events (core/v1 and events.k8s.io/v1): LAST SEEN, TYPE,
 * REASON, OBJECT, MESSAGE, then at priority 1 (for {@code -o wide}) SUBOBJECT, SOURCE, FIRST SEEN,
 * COUNT and NAME. Without them {@code kubectl get events} showed only NAME and AGE.
 */
final class EventColumns {

    private EventColumns() {
    }

    static boolean describe(ApiResourceType type) {
        return type != null && "Event".equals(type.kind())
                && (type.group().isEmpty() || "events.k8s.io".equals(type.group()));
    }

    static void define(ArrayNode definitions) {
        column(definitions, "Last Seen", 0, "Time since the event was last seen");
        column(definitions, "Type", 0, "Type of this event (Normal, Warning)");
        column(definitions, "Reason", 0, "Why the event happened, in CamelCase");
        column(definitions, "Object", 0, "The object the event is about, kind/name");
        column(definitions, "Subobject", 1, "Field path of the part of the object the event is about");
        column(definitions, "Source", 1, "The component that reported the event");
        column(definitions, "Message", 0, "What happened, for humans");
        column(definitions, "First Seen", 1, "Time since the event was first seen");
        column(definitions, "Count", 1, "How often the event was seen");
        column(definitions, "Name", 1, "Name of the Event object");
    }

    static void cells(JsonNode event, ArrayNode cells) {
        JsonNode about = event.has("regarding") ? event.path("regarding") : event.path("involvedObject");
        String last = first(event, "lastTimestamp", "deprecatedLastTimestamp", "eventTime");
        String firstSeen = first(event, "firstTimestamp", "deprecatedFirstTimestamp", "eventTime");
        if (last.isEmpty()) {
            last = event.path("metadata").path("creationTimestamp").asText("");
        }
        if (firstSeen.isEmpty()) {
            firstSeen = last;
        }
        int count = event.has("count") ? event.path("count").asInt(1) : event.path("deprecatedCount").asInt(1);
        String lastSeen = TableConverter.age(last);
        if (count > 1) {
            lastSeen += " (x" + count + " over " + TableConverter.age(firstSeen) + ")";
        }
        cells.add(lastSeen);
        cells.add(event.path("type").asText(""));
        cells.add(event.path("reason").asText(""));
        cells.add(about.path("kind").asText("").toLowerCase() + "/" + about.path("name").asText(""));
        cells.add(about.path("fieldPath").asText(""));
        cells.add(event.has("reportingController") ? event.path("reportingController").asText()
                : event.path("source").path("component").asText(""));
        cells.add(event.has("note") ? event.path("note").asText("") : event.path("message").asText(""));
        cells.add(TableConverter.age(firstSeen));
        cells.add(String.valueOf(count));
        cells.add(event.path("metadata").path("name").asText(""));
    }

    private static void column(ArrayNode definitions, String name, int priority, String description) {
        definitions.addObject().put("name", name).put("type", "string").put("format", "")
                .put("description", description).put("priority", priority);
    }

    private static String first(JsonNode event, String... fields) {
        for (String field : fields) {
            String value = event.path(field).asText("");
            if (!value.isEmpty() && !"null".equals(value)) {
                return value;
            }
        }
        return "";
    }
}
