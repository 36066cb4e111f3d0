package io.veroforge.operator.canary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Condition;
import io.veroforge.api.v1alpha1.Canary;
import io.veroforge.api.v1alpha1.CanaryPhase;
import io.veroforge.api.v1alpha1.CanaryRecommendation;
import io.veroforge.api.v1alpha1.CanaryStatus;
import io.veroforge.operator.conditions.ConditionAggregator;
import io.veroforge.operator.conditions.StatusReporter;

/** The one place Canary status is built, on a fixed clock: history, phases and conditions. */
class CanaryStatusesTest {
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private final List<String> warnings = new ArrayList<>();
    private final CanaryStatuses statuses = new CanaryStatuses(new StatusReporter<>(new ConditionAggregator(Clock.fixed(NOW, ZoneOffset.UTC)),
            (about, reason, message) -> warnings.add(reason), (failed, all) -> true));
    private final Canary canary = CanaryFixtures.canary("ns", "c", "api", "30s", null, 25, 50, 100);

    @Test
    void aContinueRepeatingTheOneBeforeAtTheSameStepIsRecordedOnce() {
        CanaryStatus status = progressing(0);
        Move stay = NextMove.afterOutage("Prometheus at http://p is unreachable");
        status = statuses.after(canary, status, stay, NOW);
        status = statuses.after(canary, status, stay, NOW.plusSeconds(30));
        assertThat(status.getDecisions()).hasSize(1);
        status = statuses.after(canary, status, new Move.Stay(NextMove.PAUSE_NOT_ELAPSED, "kpi-gate", "healthy"), NOW.plusSeconds(60));
        assertThat(status.getDecisions()).extracting(d -> d.getReason().split(":")[0]).containsExactly("MetricsUnavailable", "PauseNotElapsed");
    }

    @Test
    void theHistoryKeepsTheLastFiftyDecisions() {
        CanaryStatus status = progressing(0);
        for (int i = 0; i < 60; i++) {
            status = statuses.after(canary, status, new Move.Stay(i % 2 == 0 ? "NoData" : "LowConfidence", "kpi-gate", "n" + i), NOW.plusSeconds(i));
        }
        assertThat(status.getDecisions()).hasSize(CanaryStatuses.HISTORY);
        assertThat(status.getDecisions().get(CanaryStatuses.HISTORY - 1).getReason()).endsWith("n59");
    }

    @Test
    void aDecisionIsRecordedAtTheStepItWasTakenAndMovesTheRollout() {
        CanaryStatus status = statuses.after(canary, progressing(0), new Move.Advance(1, 50, "alice", "by hand"), NOW);
        assertThat(status.getDecisions()).singleElement().satisfies(d -> {
            assertThat(d.getStep()).isZero();
            assertThat(d.getWeight()).isEqualTo(25);
            assertThat(d.getDecision()).isEqualTo(CanaryRecommendation.PROMOTE);
            assertThat(d.getBy()).isEqualTo("alice");
            assertThat(d.getAt()).isEqualTo("2026-12-02T10:00:00Z");
        });
        assertThat(status.getCurrentStep()).isEqualTo(1);
        assertThat(status.getCurrentWeight()).isEqualTo(50);
        assertThat(condition(status, "Ready").getReason()).isEqualTo("Progressing");
        assertThat(condition(status, "Ready").getMessage()).isEqualTo("step 2/3 at 50% on r2");
    }

    @Test
    void promotionMakesTheCanaryStableAndRollbackPutsTrafficBack() {
        CanaryStatus promoted = statuses.after(canary, progressing(2), new Move.Complete("kpi-gate", "AllKpisPassed"), NOW);
        assertThat(promoted.getPhase()).isEqualTo(CanaryPhase.Promoted);
        assertThat(promoted.getStableRevision()).isEqualTo("r2");
        assertThat(condition(promoted, "Ready").getStatus()).isEqualTo("True");

        CanaryStatus rolledBack = statuses.after(canary, progressing(1), new Move.Rollback("kpi-gate", "ThresholdFailed: error_rate"), NOW);
        assertThat(rolledBack.getPhase()).isEqualTo(CanaryPhase.RolledBack);
        assertThat(rolledBack.getCurrentWeight()).isZero();
        assertThat(condition(rolledBack, "Ready").getStatus()).isEqualTo("False");
        assertThat(condition(rolledBack, "Ready").getMessage()).contains("r1").contains("ThresholdFailed: error_rate");
        assertThat(condition(rolledBack, "Ready").getObservedGeneration()).isEqualTo(7L);
    }

    @Test
    void anOutageIsAnUnknownAnalysisWithItsCause() {
        CanaryStatus status = progressing(0);
        status.setLastEvaluation(CanaryStatuses.unknown("Prometheus at http://p is unreachable", NOW));
        status = statuses.after(canary, status, NextMove.afterOutage("x"), NOW);
        assertThat(condition(status, "Analysis").getStatus()).isEqualTo("Unknown");
        assertThat(condition(status, "Analysis").getMessage()).contains("unreachable");
    }

    private CanaryStatus progressing(int step) {
        canary.getMetadata().setGeneration(7L);
        CanaryStatus status = new CanaryStatus();
        status.setPhase(CanaryPhase.Progressing);
        status.setCurrentStep(step);
        status.setCurrentWeight(canary.getSpec().getSteps().get(step).getWeight());
        status.setStepStartedAt(NOW.toString());
        status.setStableRevision("r1");
        status.setCanaryRevision("r2");
        status.setTotalReplicas(4);
        return status;
    }

    private static Condition condition(CanaryStatus status, String type) {
        return ConditionAggregator.find(status.getConditions(), type);
    }
}
