package io.veroforge.console.apps;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.veroforge.api.v1alpha1.Generation;

/**
 * The resolved model as an entity-relationship diagram: the geometry of an SVG (boxes in a grid, one line per
 * relation), computed here so the template only places it. The model is the one a Generation recorded
 * ({@code spec.compressedModel}, the resolver's {@code ResolvedModel} as JSON); the AppSpec's status holds only its
 * counts. Each entity, field and relation carries its provenance (the resolver's {@code origin}: explicit, vertical,
 * universal, requirements, compliance or derived, with its detail and path) as the tooltip the template puts in a
 * {@code <title>}.
 */
public record ModelDiagram(String generation, int width, int height, List<Box> boxes, List<Link> links, String problem) {
    static final int BOX_WIDTH = 230;
    static final int COLUMNS = 3;
    static final int MAX_FIELDS = 10;
    /** Wide enough for a relation's label between two boxes of a row. */
    private static final int GAP_X = 150;
    private static final int GAP_Y = 80;
    private static final int HEADER = 26;
    private static final int LINE = 17;
    private static final int MARGIN = 10;

    public record Box(String name, double x, double y, double width, double height, String provenance, boolean inferred,
            List<FieldLine> fields) {
        public double textX() {
            return x + 8;
        }

        public double headerY() {
            return y + 18;
        }

        public double right() {
            return x + width;
        }

        public double separatorY() {
            return y + HEADER;
        }
    }

    public record FieldLine(String text, double y, String provenance) {
    }

    /**
     * {@code path}: SVG path data, centre to centre (the boxes, drawn over it, hide its ends), or for two boxes of one
     * row with another between them a curve below the row, so it does not cross the box between; {@code label}: the
     * relation's name and kind, at the middle of the path.
     */
    public record Link(String path, double labelX, double labelY, String label, String provenance) {
    }

    public boolean isEmpty() {
        return boxes.isEmpty();
    }

    /** {@code newest}: the app's newest Generation, or null when it has none. */
    public static ModelDiagram of(Generation newest) {
        if (newest == null || newest.getSpec() == null) {
            return empty("", "no Generation yet: the diagram shows the model a Generation records");
        }
        String name = newest.getMetadata().getName();
        JsonNode model;
        try {
            model = newest.getSpec().resolvedModel();
        } catch (RuntimeException unreadable) {
            return empty(name, "the model recorded by " + name + " (spec.compressedModel) cannot be read: " + unreadable.getMessage());
        }
        return of(name, model);
    }

    /**
     * The diagram of a resolved model from anywhere it is kept (a Generation's snapshot, a draft's
     * {@code status.preview}); {@code source} names where, for the page and for "records no entities".
     */
    public static ModelDiagram of(String source, JsonNode model) {
        if (model == null || !model.path("entities").isArray() || model.path("entities").isEmpty()) {
            return empty(source, source + " records no entities");
        }
        return layout(source, model.path("entities"));
    }

    private static ModelDiagram layout(String generation, JsonNode entities) {
        int count = entities.size();
        int columns = Math.min(COLUMNS, count);
        List<Integer> heights = new ArrayList<>();
        for (JsonNode entity : entities) {
            int shown = Math.min(MAX_FIELDS, entity.path("fields").size()) + (entity.path("fields").size() > MAX_FIELDS ? 1 : 0);
            heights.add(HEADER + LINE * shown + 8);
        }
        List<Double> rowTops = new ArrayList<>();
        double top = MARGIN;
        for (int row = 0; row * columns < count; row++) {
            rowTops.add(top);
            int tallest = 0;
            for (int i = row * columns; i < Math.min(count, (row + 1) * columns); i++) {
                tallest = Math.max(tallest, heights.get(i));
            }
            top += tallest + GAP_Y;
        }
        List<Box> boxes = new ArrayList<>();
        Map<String, Box> byName = new HashMap<>();
        int i = 0;
        for (JsonNode entity : entities) {
            double x = MARGIN + (i % columns) * (BOX_WIDTH + GAP_X);
            double y = rowTops.get(i / columns);
            List<FieldLine> fields = new ArrayList<>();
            int line = 0;
            for (JsonNode field : entity.path("fields")) {
                if (line == MAX_FIELDS) {
                    fields.add(new FieldLine("… " + (entity.path("fields").size() - MAX_FIELDS) + " more", y + HEADER + LINE * (line + 1) - 3, ""));
                    break;
                }
                fields.add(new FieldLine(field.path("name").asText() + ": " + lower(field.path("type").asText())
                        + (field.path("required").asBoolean() ? "" : "?"), y + HEADER + LINE * (line + 1) - 3,
                        provenance(field.path("name").asText(), field)));
                line++;
            }
            String name = entity.path("name").asText();
            Box box = new Box(name, x, y, BOX_WIDTH, heights.get(i), provenance(name, entity), inferred(entity), fields);
            boxes.add(box);
            byName.put(name, box);
            i++;
        }
        List<Link> links = new ArrayList<>();
        Set<String> drawn = new HashSet<>();
        // the owning side first (it holds the foreign key, "customer (many-to-one)"), so its name labels the line
        for (boolean owning : new boolean[] {true, false}) {
            for (JsonNode entity : entities) {
                for (JsonNode relation : entity.path("relations")) {
                    if (relation.path("owning").asBoolean(false) != owning) {
                        continue;
                    }
                    link(entity.path("name").asText(), relation, byName, drawn).map(l -> apart(l, links)).ifPresent(links::add);
                }
            }
        }
        int width = MARGIN * 2 + columns * BOX_WIDTH + (columns - 1) * GAP_X;
        return new ModelDiagram(generation, width, (int) (top - GAP_Y + MARGIN), boxes, links, "");
    }

    private static java.util.Optional<Link> link(String entity, JsonNode relation, Map<String, Box> byName, Set<String> drawn) {
        Box from = byName.get(entity);
        Box to = byName.get(relation.path("target").asText());
        if (from == null || to == null || !drawn.add(pairKey(entity, relation))) {
            return java.util.Optional.empty();
        }
        double x1 = from.x() + from.width() / 2;
        double x2 = to.x() + to.width() / 2;
        String path;
        double labelY;
        if (from.y() == to.y() && Math.abs(from.x() - to.x()) > BOX_WIDTH + GAP_X) {
            double y1 = from.y() + from.height();
            double y2 = to.y() + to.height();
            double below = Math.max(y1, y2) + GAP_Y * 0.8;
            path = "M " + x1 + " " + y1 + " Q " + (x1 + x2) / 2 + " " + below + " " + x2 + " " + y2;
            labelY = 0.25 * y1 + 0.5 * below + 0.25 * y2 + 4;
        } else {
            double y1 = from.y() + from.height() / 2;
            double y2 = to.y() + to.height() / 2;
            path = "M " + x1 + " " + y1 + " L " + x2 + " " + y2;
            labelY = (y1 + y2) / 2 - 4;
        }
        String label = relation.path("name").asText() + " (" + lower(relation.path("kind").asText()) + ")";
        return java.util.Optional.of(new Link(path, (x1 + x2) / 2, labelY,
                from == to ? label + " to itself" : label,
                entity + "." + provenance(relation.path("name").asText(), relation) + " → " + relation.path("target").asText()));
    }

    /** The link with its label moved down, line by line, until it overlaps no label placed before it. */
    private static Link apart(Link link, List<Link> placed) {
        double y = link.labelY();
        boolean moved = true;
        while (moved) {
            moved = false;
            for (Link other : placed) {
                if (Math.abs(other.labelX() - link.labelX()) < 170 && Math.abs(other.labelY() - y) < 15) {
                    y = other.labelY() + 15;
                    moved = true;
                }
            }
        }
        return new Link(link.path(), link.labelX(), y, link.label(), link.provenance());
    }

    /** Both sides of a relation (the resolver writes each pair twice) are one line. */
    private static String pairKey(String entity, JsonNode relation) {
        String name = relation.path("name").asText();
        String inverse = relation.path("inverseName").asText("");
        String target = relation.path("target").asText();
        String a = entity + "." + name;
        String b = target + "." + inverse;
        return inverse.isEmpty() ? a + ">" + target : a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
    }

    /** "name — where it came from": the resolver's origin, or the older example format's source/inferred marks. */
    public static String provenance(String name, JsonNode element) {
        JsonNode origin = element.path("origin");
        StringBuilder text = new StringBuilder(name).append(" — ");
        if (origin.isObject()) {
            text.append(lower(origin.path("kind").asText("unknown")));
            if (!origin.path("detail").asText("").isEmpty()) {
                text.append(": ").append(origin.path("detail").asText());
            }
        } else if (element.hasNonNull("source")) {
            text.append(element.path("source").asText());
        } else if (element.path("inferred").asBoolean(false)) {
            text.append("inferred by the resolver");
        } else {
            text.append("as declared");
        }
        if (!element.path("path").asText("").isEmpty()) {
            text.append(" (").append(element.path("path").asText()).append(')');
        }
        return text.toString();
    }

    private static boolean inferred(JsonNode entity) {
        String kind = entity.path("origin").path("kind").asText("");
        return entity.path("inferred").asBoolean(false) || !kind.isEmpty() && !"EXPLICIT".equals(kind);
    }

    private static String lower(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static ModelDiagram empty(String generation, String problem) {
        return new ModelDiagram(generation, 0, 0, List.of(), List.of(), problem);
    }
}
