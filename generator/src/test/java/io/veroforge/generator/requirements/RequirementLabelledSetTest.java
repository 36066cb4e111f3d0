package io.veroforge.generator.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import io.veroforge.generator.requirements.LabelledSet.Item;
import io.veroforge.generator.requirements.LabelledSet.Score;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of entity names proposed by the offline engine on the labelled set
 * (docs/benchmarks.md, "Requirement analyzer (offline)"). The holdout half was never used to tune the rules.
 */
class RequirementLabelledSetTest {

    private final EmbeddingRequirementEngine engine = new EmbeddingRequirementEngine();

    @Test
    void entityNamesReachPrecisionAndRecallOnTheLabelledSet() {
        List<Item> items = LabelledSet.load();
        assertThat(items).hasSizeGreaterThanOrEqualTo(40);
        Score tune = Score.ZERO;
        Score holdout = Score.ZERO;
        for (Item item : items) {
            List<String> proposed = engine.propose(item.spec()).entities().stream().map(ProposedEntity::name).toList();
            Score s = LabelledSet.score(item, proposed);
            if ("tune".equals(item.half())) {
                tune = tune.plus(s);
            } else {
                holdout = holdout.plus(s);
            }
            if ("tune".equals(item.half()) || Boolean.getBoolean("labelled.showHoldout")) {
                System.out.println(item.id() + ": " + proposed + (s.falsePositives().isEmpty() ? "" : "  FP " + s.falsePositives())
                        + (s.missed().isEmpty() ? "" : "  MISSED " + s.missed()));
            }
        }
        Score whole = tune.plus(holdout);
        report("tune", tune);
        report("holdout", holdout);
        report("whole", whole);
        assertThat(whole.recall()).as("recall on the whole set").isGreaterThanOrEqualTo(0.8);
        assertThat(whole.precision()).as("precision on the whole set").isGreaterThanOrEqualTo(0.8);
    }

    private static void report(String half, Score s) {
        System.out.println(String.format(Locale.ROOT, "labelled set %-8s precision %.3f (%d/%d)  recall %.3f (%d/%d)", half,
                s.precision(), s.matchedProposed(), s.proposed(), s.recall(), s.matchedExpected(), s.expected()));
    }
}
