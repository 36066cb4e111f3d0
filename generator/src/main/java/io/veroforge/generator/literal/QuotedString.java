package io.veroforge.generator.literal;

/**
 * Writes user text as a quoted TypeScript/JavaScript/JSON string literal that the text can never
 * close or break out of: one implementation for the template pack and the gap fillers.
 */
public final class QuotedString {

    private QuotedString() {
    }

    /** {@code text} between {@code quote} characters ({@code '} or {@code "}), escaped. */
    public static String of(String text, char quote) {
        StringBuilder out = new StringBuilder().append(quote);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                // line separators end a JavaScript string literal in older engines
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> {
                    if (c == quote) {
                        out.append('\\').append(c);
                    } else if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append(quote).toString();
    }
}
