package io.veroforge.localapi;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Evaluates the JSONPath subset that CRD {@code additionalPrinterColumns} use, so the local API
 * can fill Table cells the way kube-apiserver does: field steps ({@code .status.namespace}),
 * indexes ({@code [0]}), wildcards ({@code [*]}) and equality filters
 * ({@code .status.conditions[?(@.type=="Ready")].status}). No JSONPath library is on the
 * operator's classpath, and this subset is all the columns need.
 */
public final class PrinterColumnPath {

    private final String expression;

    private PrinterColumnPath(String expression) {
        this.expression = expression;
    }

    public static PrinterColumnPath of(String expression) {
        return new PrinterColumnPath(expression.startsWith("$") ? expression.substring(1) : expression);
    }

    /** All values the path selects, in document order; empty when nothing matches. */
    public List<JsonNode> select(JsonNode root) {
        List<JsonNode> current = new ArrayList<>(List.of(root));
        int i = 0;
        String p = expression;
        while (i < p.length() && !current.isEmpty()) {
            char c = p.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < p.length() && p.charAt(end) != '.' && p.charAt(end) != '[') {
                    end++;
                }
                String field = p.substring(i + 1, end);
                if (!field.isEmpty()) {
                    current = field(current, field);
                }
                i = end;
            } else if (c == '[') {
                int end = closingBracket(p, i);
                current = bracket(current, p.substring(i + 1, end).trim());
                i = end + 1;
            } else {
                throw new IllegalArgumentException("Unsupported JSONPath at " + i + ": " + expression);
            }
        }
        return current.stream().filter(n -> n != null && !n.isMissingNode() && !n.isNull()).toList();
    }

    /** The cell text kube-apiserver would print: selected values joined by commas. */
    public String text(JsonNode root) {
        return String.join(",", select(root).stream()
                .map(n -> n.isValueNode() ? n.asText() : n.toString()).toList());
    }

    private static List<JsonNode> field(List<JsonNode> nodes, String field) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode n : nodes) {
            if (field.equals("*")) {
                n.elements().forEachRemaining(out::add);
            } else if (n.has(field)) {
                out.add(n.get(field));
            }
        }
        return out;
    }

    private static List<JsonNode> bracket(List<JsonNode> nodes, String inside) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode n : nodes) {
            if (inside.equals("*")) {
                n.elements().forEachRemaining(out::add);
            } else if (inside.startsWith("?(") && inside.endsWith(")")) {
                Filter filter = Filter.parse(inside.substring(2, inside.length() - 1));
                n.elements().forEachRemaining(e -> {
                    if (filter.test(e)) {
                        out.add(e);
                    }
                });
            } else if (inside.startsWith("'") || inside.startsWith("\"")) {
                String name = inside.substring(1, inside.length() - 1);
                if (n.has(name)) {
                    out.add(n.get(name));
                }
            } else {
                int index = Integer.parseInt(inside);
                if (n.isArray()) {
                    int at = index < 0 ? n.size() + index : index;
                    if (at >= 0 && at < n.size()) {
                        out.add(n.get(at));
                    }
                }
            }
        }
        return out;
    }

    private static int closingBracket(String p, int open) {
        int depth = 0;
        boolean quoted = false;
        char quote = 0;
        for (int i = open; i < p.length(); i++) {
            char c = p.charAt(i);
            if (quoted) {
                if (c == quote) {
                    quoted = false;
                }
            } else if (c == '"' || c == '\'') {
                quoted = true;
                quote = c;
            } else if (c == '[') {
                depth++;
            } else if (c == ']' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("Unclosed '[' in JSONPath: " + p);
    }

    /** {@code @.a.b == "x"} or {@code @.a != 'x'} or a bare {@code @.a} (exists). */
    private record Filter(PrinterColumnPath left, String operator, String right) {

        static Filter parse(String text) {
            for (String op : List.of("==", "!=")) {
                int at = text.indexOf(op);
                if (at > 0) {
                    String left = text.substring(0, at).trim();
                    String right = text.substring(at + op.length()).trim();
                    if (right.length() >= 2 && (right.startsWith("\"") || right.startsWith("'"))) {
                        right = right.substring(1, right.length() - 1);
                    }
                    return new Filter(relative(left), op, right);
                }
            }
            return new Filter(relative(text.trim()), null, null);
        }

        private static PrinterColumnPath relative(String left) {
            if (!left.startsWith("@")) {
                throw new IllegalArgumentException("Filter must start with @: " + left);
            }
            return PrinterColumnPath.of(left.substring(1));
        }

        boolean test(JsonNode element) {
            List<JsonNode> values = left.select(element);
            if (operator == null) {
                return !values.isEmpty();
            }
            boolean equal = values.stream().anyMatch(v -> v.asText().equals(right));
            return operator.equals("==") == equal;
        }
    }
}
