package io.veroforge.console.canaries;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.veroforge.api.v1alpha1.CanaryDecision;
import io.veroforge.api.v1alpha1.CanaryStatus;
import io.veroforge.console.Canaries;

/** The chart's points are the scores the Canary recorded, placed by time and score; nothing is made up. */
class ScoreChartTest {

    @Test
    void eachRecordedScoreIsAPointAndTheNewerLastEvaluationTheLast() {
        CanaryStatus status = new CanaryStatus();
        Canaries.progressingAtStepTwo(status);
        ScoreChart chart = ScoreChart.of(status, 80);
        assertThat(chart.points()).extracting(ScoreChart.Point::score).containsExactly("100", "80", "70");
        assertThat(chart.points()).extracting(ScoreChart.Point::passed).containsExactly(true, true, false);
        // 10:05, 10:07, 10:09 span the plot's width evenly; score 100 is the top, 80 the pass line
        assertThat(chart.points()).extracting(ScoreChart.Point::x).containsExactly(44.0, 334.0, 624.0);
        assertThat(chart.points().get(0).y()).isEqualTo(chart.top());
        assertThat(chart.points().get(1).y()).isEqualTo(chart.passY());
        assertThat(chart.polyline()).isEqualTo("44.0,12.0 334.0,50.4 624.0,69.6");
        assertThat(chart.xTicks()).extracting(ScoreChart.Tick::label).containsExactly("10:05:00", "10:09:00");
    }

    @Test
    void decisionsWithoutAScoreAreNotPointsAndUnreadableTimesAreCounted() {
        CanaryStatus status = new CanaryStatus();
        CanaryDecision manual = new CanaryDecision();
        manual.setAt("2026-12-03T10:00:00Z");
        manual.setBy("alice");
        CanaryDecision garbled = new CanaryDecision();
        garbled.setAt("yesterday");
        garbled.setScore(90.0);
        status.setDecisions(List.of(manual, garbled));
        ScoreChart chart = ScoreChart.of(status, 80);
        assertThat(chart.isEmpty()).isTrue();
        assertThat(chart.unreadable()).isEqualTo(1);
    }
}
