package io.veroforge.generator.validate;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** Suggests the closest known name for a misspelt one (optimal-string-alignment edit distance). */
public final class DidYouMean {

    private DidYouMean() {
    }

    public static Optional<String> closest(String input, Collection<String> candidates) {
        if (input == null || input.isBlank()) {
            return Optional.empty();
        }
        String needle = input.toLowerCase(Locale.ROOT);
        // allow one edit in short words, up to a third of the word in longer ones
        int allowed = Math.max(1, Math.min(3, needle.length() / 3));
        return candidates.stream()
                .filter(c -> !c.equals(input))
                .map(c -> new Scored(c, distance(needle, c.toLowerCase(Locale.ROOT))))
                .filter(s -> s.distance <= allowed)
                .min(Comparator.comparingInt(Scored::distance).thenComparing(Scored::candidate))
                .map(Scored::candidate);
    }

    /** "did you mean "X"?" or, without a close match, the list of valid values when it is short. */
    public static String fix(String input, Collection<String> candidates) {
        Optional<String> best = closest(input, candidates);
        if (best.isPresent()) {
            return "did you mean \"" + best.get() + "\"?";
        }
        if (candidates.isEmpty()) {
            return null;
        }
        if (candidates.size() <= 16) {
            return "use one of: " + String.join(", ", candidates);
        }
        return null;
    }

    private record Scored(String candidate, int distance) {
    }

    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1); // transposition: "Techincian"
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
