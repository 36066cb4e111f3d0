package io.veroforge.generator.similar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SimilarAppsTest {

    @Test
    void nearestFirstAtMostTheLimitAboveTheMinimumTiesByName() {
        float[] self = {1, 0};
        List<SimilarApps.Candidate> others = List.of(
                new SimilarApps.Candidate("far", new float[] {0, 1}),
                new SimilarApps.Candidate("b-near", new float[] {1, 0.1f}),
                new SimilarApps.Candidate("a-near", new float[] {1, 0.1f}),
                new SimilarApps.Candidate("exact", new float[] {2, 0}),
                new SimilarApps.Candidate("half", new float[] {1, 1}));

        assertThat(SimilarApps.nearest(self, others, 3, 0.5)).containsExactly(
                new SimilarApps.Match("exact", 1.0), new SimilarApps.Match("a-near", 0.995), new SimilarApps.Match("b-near", 0.995));
        assertThat(SimilarApps.nearest(self, others, 10, 0.5)).extracting(SimilarApps.Match::name)
                .containsExactly("exact", "a-near", "b-near", "half");
        assertThat(SimilarApps.nearest(self, others, 10, 0.999)).extracting(SimilarApps.Match::name).containsExactly("exact");
    }
}
