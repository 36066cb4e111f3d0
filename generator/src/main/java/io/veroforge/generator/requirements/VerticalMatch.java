package io.veroforge.generator.requirements;

import java.util.Locale;

/**
 * The known vertical nearest to a {@code vertical} the ontology does not know.
 *
 * @param requested the spec's vertical as written
 * @param nearest   the nearest known vertical's id
 * @param similarity cosine similarity of the two (0..1)
 * @param accepted  whether it was close enough to be used; when not, only the universal ontology applies
 */
public record VerticalMatch(String requested, String nearest, double similarity, boolean accepted) {

    public String describe() {
        return "vertical \"" + requested + "\" " + (accepted ? "mapped to " : "not mapped (too far from) ") + nearest
                + String.format(Locale.ROOT, " (similarity %.2f)", similarity);
    }
}
