package io.veroforge.generator.synthesize;

import java.util.List;
import java.util.stream.Collectors;

import io.veroforge.generator.literal.CommentText;
import io.veroforge.generator.literal.QuotedString;

/** TypeScript/JSON literals written by Java, so templates never build quotes or escapes themselves. */
final class TsLiteral {

    private TsLiteral() {
    }

    /** A single-quoted TypeScript string. */
    static String string(String value) {
        return value == null ? "null" : QuotedString.of(value, '\'');
    }

    /** A double-quoted JSON / YAML string. */
    static String json(String value) {
        return QuotedString.of(value, '"');
    }

    static String stringArray(List<String> values) {
        return values.stream().map(TsLiteral::string).collect(Collectors.joining(", ", "[", "]"));
    }

    /** A JavaScript regular expression literal for a pattern written in an AppSpec. */
    static String regex(String pattern) {
        return "/" + pattern.replace("/", "\\/") + "/";
    }

    /** Text for a {@code //} line comment: a line break in it must not end the comment and start code. */
    static String comment(String value) {
        return CommentText.of(value);
    }

    /** A SQL string literal. */
    static String sql(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
