package io.veroforge.localapi;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.veroforge.localapi.ApiResourceType.PrinterColumn;

/**
 * Turns a list or an object into a {@code meta.k8s.io/v1 Table}, as kube-apiserver does when
 * kubectl asks with {@code Accept: application/json;as=Table}: a Name column, then the CRD's
 * {@code additionalPrinterColumns} evaluated on each object (or Age for kinds without any);
 * Events get kubectl's own event columns ({@link EventColumns}).
 * Date cells are rendered as an age ("5m") on the server side, exactly like the CRD table
 * convertor in kube-apiserver, because kubectl prints cells verbatim.
 */
final class TableConverter {

    private static final PrinterColumn AGE = new PrinterColumn("Age", "date", "",
            "CreationTimestamp is a timestamp representing the server time when this object was created.", 0,
            ".metadata.creationTimestamp");

    private final ObjectMapper json;

    TableConverter(ObjectMapper json) {
        this.json = json;
    }

    static boolean wantsTable(String accept) {
        return accept != null && accept.contains("as=Table");
    }

    /** {@code body} is a List (kind ending in List, with items) or a single object. */
    ObjectNode toTable(JsonNode body, ApiResourceType type, String includeObject) {
        boolean isList = body.has("items") && body.path("kind").asText().endsWith("List");
        List<JsonNode> objects = new ArrayList<>();
        if (isList) {
            body.path("items").forEach(objects::add);
        } else {
            objects.add(body);
        }
        List<PrinterColumn> columns = columns(type);
        ObjectNode table = json.createObjectNode();
        table.put("kind", "Table");
        table.put("apiVersion", "meta.k8s.io/v1");
        ObjectNode metadata = table.putObject("metadata");
        JsonNode listMeta = isList ? body.path("metadata") : body.path("metadata");
        if (listMeta.has("resourceVersion")) {
            metadata.put("resourceVersion", listMeta.path("resourceVersion").asText());
        }
        if (isList && listMeta.has("continue")) {
            metadata.put("continue", listMeta.path("continue").asText());
        }
        ArrayNode definitions = table.putArray("columnDefinitions");
        boolean events = EventColumns.describe(type);
        if (events) {
            EventColumns.define(definitions);
        } else {
            ObjectNode name = definitions.addObject();
            name.put("name", "Name").put("type", "string").put("format", "name")
                    .put("description", "Name must be unique within a namespace.").put("priority", 0);
            for (PrinterColumn c : columns) {
                definitions.addObject().put("name", c.name()).put("type", c.type()).put("format", c.format())
                        .put("description", c.description()).put("priority", c.priority());
            }
        }
        ArrayNode rows = table.putArray("rows");
        for (JsonNode object : objects) {
            ObjectNode row = rows.addObject();
            ArrayNode cells = row.putArray("cells");
            if (events) {
                EventColumns.cells(object, cells);
            } else {
                cells.add(object.path("metadata").path("name").asText());
                for (PrinterColumn c : columns) {
                    cells.add(cell(object, c));
                }
            }
            if (!"None".equals(includeObject)) {
                row.set("object", "Object".equals(includeObject) ? object : partialMetadata(object));
            }
        }
        return table;
    }

    private static List<PrinterColumn> columns(ApiResourceType type) {
        return type == null || type.printerColumns().isEmpty() ? List.of(AGE) : type.printerColumns();
    }

    private JsonNode cell(JsonNode object, PrinterColumn column) {
        List<JsonNode> values;
        try {
            values = PrinterColumnPath.of(column.jsonPath()).select(object);
        } catch (RuntimeException e) {
            return json.getNodeFactory().nullNode();
        }
        if (values.isEmpty()) {
            return json.getNodeFactory().nullNode();
        }
        JsonNode first = values.get(0);
        return switch (column.type()) {
            case "date" -> json.getNodeFactory().textNode(age(first.asText()));
            case "integer", "number", "boolean" -> first;
            default -> json.getNodeFactory().textNode(values.stream()
                    .map(v -> v.isValueNode() ? v.asText() : v.toString()).reduce((a, b) -> a + "," + b).orElse(""));
        };
    }

    private ObjectNode partialMetadata(JsonNode object) {
        ObjectNode partial = json.createObjectNode();
        partial.put("kind", "PartialObjectMetadata");
        partial.put("apiVersion", "meta.k8s.io/v1");
        partial.set("metadata", object.path("metadata").deepCopy());
        return partial;
    }

    /** kube-apiserver's {@code duration.HumanDuration} for the time since an RFC 3339 timestamp. */
    static String age(String timestamp) {
        Instant created;
        try {
            created = Instant.parse(timestamp);
        } catch (RuntimeException e) {
            return "<unknown>";
        }
        return humanDuration(Duration.between(created, Instant.now()));
    }

    static String humanDuration(Duration d) {
        long seconds = d.getSeconds();
        if (seconds < -1) {
            return "<invalid>";
        } else if (seconds < 0) {
            return "0s";
        } else if (seconds < 60 * 2) {
            return seconds + "s";
        }
        long minutes = d.toMinutes();
        if (minutes < 10) {
            long s = seconds % 60;
            return s == 0 ? minutes + "m" : minutes + "m" + s + "s";
        } else if (minutes < 60 * 3) {
            return minutes + "m";
        }
        long hours = d.toHours();
        if (hours < 8) {
            long m = minutes % 60;
            return m == 0 ? hours + "h" : hours + "h" + m + "m";
        } else if (hours < 48) {
            return hours + "h";
        } else if (hours < 24 * 8) {
            long h = hours % 24;
            return h == 0 ? hours / 24 + "d" : hours / 24 + "d" + h + "h";
        } else if (hours < 24 * 365 * 2) {
            return hours / 24 + "d";
        } else if (hours < 24 * 365 * 8) {
            long dy = (hours / 24) % 365;
            return dy == 0 ? hours / 24 / 365 + "y" : hours / 24 / 365 + "y" + dy + "d";
        }
        return hours / 24 / 365 + "y";
    }
}
