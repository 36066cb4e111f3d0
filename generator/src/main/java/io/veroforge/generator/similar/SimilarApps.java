package io.veroforge.generator.similar;

import java.util.Comparator;
import java.util.List;

import io.veroforge.generator.requirements.SentenceEmbedder;

/**
 * The apps nearest to one, by cosine similarity of their fingerprints' embeddings: at most
 * {@code limit}, each at least {@code minimum} alike (below that "similar" would be noise: any two
 * business apps share customers and dates), nearest first, ties by name so the order is stable.
 */
public final class SimilarApps {
    public static final int DEFAULT_LIMIT = 3;
    /** all-MiniLM cosine between unrelated business descriptions is typically 0.2–0.4. */
    public static final double DEFAULT_MINIMUM = 0.5;

    private SimilarApps() {
    }

    public record Candidate(String name, float[] vector) {
    }

    public record Match(String name, double similarity) {
    }

    public static List<Match> nearest(float[] self, List<Candidate> others, int limit, double minimum) {
        return others.stream()
                .map(c -> new Match(c.name(), round(SentenceEmbedder.cosine(self, c.vector()))))
                .filter(m -> m.similarity() >= minimum)
                .sorted(Comparator.comparingDouble(Match::similarity).reversed().thenComparing(Match::name))
                .limit(limit)
                .toList();
    }

    /** Three decimals: enough to order, and a status that does not change on float noise. */
    private static double round(double similarity) {
        return Math.round(similarity * 1000) / 1000.0;
    }
}
