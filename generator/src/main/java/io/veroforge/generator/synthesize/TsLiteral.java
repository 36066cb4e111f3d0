package io.veroforge.generator.synthesize;

import java.util.List;
import java.util.stream.Collectors;

/** TypeScript/JSON literals written by Java, so templates never build quotes or escapes themselves. */
final class TsLiteral {

    private TsLiteral() {
    }

    /** A single-quoted TypeScript string. */
    static String string(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("'");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('\'').toString();
    }

    /** A double-quoted JSON / YAML string. */
    static String json(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    static String stringArray(List<String> values) {
        return values.stream().map(TsLiteral::string).collect(Collectors.joining(", ", "[", "]"));
    }

    /** A JavaScript regular expression literal for a pattern written in an AppSpec. */
    static String regex(String pattern) {
        return "/" + pattern.replace("/", "\\/") + "/";
    }

    /** A SQL string literal. */
    static String sql(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
