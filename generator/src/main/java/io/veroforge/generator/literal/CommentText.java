package io.veroforge.generator.literal;

/**
 * User text (a requirement phrase, a gap's rule, an entity's provenance) made safe for any comment
 * of the generated files: line comments ({@code //}, {@code --}, {@code #}), block comments and
 * HTML comments. A line break (including {@code \r}, U+2028 and U+2029, which end a line
 * for JavaScript and PostgreSQL) would end a line comment and make the rest of the text code or
 * SQL; a comment terminator would end a block comment. Both become harmless, and other control
 * characters (NUL included) become spaces, so the text reads the same on one line.
 */
public final class CommentText {

    private CommentText() {
    }

    public static String of(String text) {
        if (text == null) {
            return "";
        }
        return text.replaceAll("[\\p{Cntrl}\\u2028\\u2029\\u0085]+", " ")
                .replace("*/", "* /")
                .replace("-->", "- ->")
                .strip();
    }
}
