package io.veroforge.generator.requirements;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits requirements into sentences: at ".", "!" and "?" followed by a space or the end, and at
 * blank lines and list items ("-", "*", "•", "1."). A line break inside a paragraph is only
 * wrapping (YAML block text is wrapped by hand). Semicolons stay inside: the phrase reader treats
 * them as clause breaks, and the provenance quotes the whole sentence.
 */
final class Sentences {

    private Sentences() {
    }

    static List<String> of(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        List<String> pieces = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\\R")) {
            String stripped = line.strip();
            boolean item = stripped.matches("^([-*•]|\\d+[.)])\\s.*");
            if (stripped.isEmpty() || item) {
                pieces.add(current.toString());
                current.setLength(0);
            }
            if (item) {
                stripped = stripped.replaceFirst("^([-*•]|\\d+[.)])\\s+", "");
            }
            if (!stripped.isEmpty()) {
                current.append(current.length() == 0 ? "" : " ").append(stripped);
            }
        }
        pieces.add(current.toString());
        for (String piece : pieces) {
            for (String sentence : piece.split("(?<=[.!?])\\s+")) {
                String s = sentence.strip().replaceAll("[.!?]+$", "").strip();
                if (!s.isEmpty()) {
                    out.add(s);
                }
            }
        }
        return out;
    }
}
