package io.veroforge.operator.canary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.veroforge.api.v1alpha1.Canary;
import io.veroforge.api.v1alpha1.CanaryEvaluation;
import io.veroforge.api.v1alpha1.CanaryStatus;
import io.veroforge.operator.canary.gate.GateEvaluation;
import io.veroforge.operator.canary.gate.GateReason;
import io.veroforge.operator.canary.gate.Recommendation;

/** The rollout's rules without a cluster, on a fixed clock: when to evaluate, and what each verdict means at a step. */
class NextMoveTest {
    private static final Instant STEP_START = Instant.parse("2026-12-02T10:00:00Z");
    // steps 25 (pause 30s), 50 (pause 30s), 100; interval 30s
    private final Canary canary = CanaryFixtures.canary("ns", "c", "api", "30s", null, 25, 50, 100);

    @Test
    void theFirstEvaluationIsOneIntervalAfterTheStepBeganThenOneAfterTheLast() {
        CanaryStatus status = at(0);
        assertThat(NextMove.evaluationDue(canary.getSpec(), status)).isEqualTo(STEP_START.plusSeconds(30));
        CanaryEvaluation last = new CanaryEvaluation();
        last.setAt("2026-12-02T10:00:41Z");
        status.setLastEvaluation(last);
        assertThat(NextMove.evaluationDue(canary.getSpec(), status)).isEqualTo(Instant.parse("2026-12-02T10:01:11Z"));
    }

    @Test
    void aHealthyVerdictWaitsOutThePauseThenPromotesToTheNextStep() {
        Move early = NextMove.afterEvaluation(canary.getSpec(), at(0), verdict(Recommendation.promote), STEP_START.plusSeconds(10));
        assertThat(early).isInstanceOf(Move.Stay.class);
        assertThat(((Move.Stay) early).code()).isEqualTo(NextMove.PAUSE_NOT_ELAPSED);

        Move later = NextMove.afterEvaluation(canary.getSpec(), at(0), verdict(Recommendation.promote), STEP_START.plusSeconds(30));
        assertThat(later).isEqualTo(new Move.Advance(1, 50, "kpi-gate", "AllKpisPassed: every KPI passed"));
    }

    @Test
    void promotingTheLastStepCompletesTheRollout() {
        Move move = NextMove.afterEvaluation(canary.getSpec(), at(2), verdict(Recommendation.promote), STEP_START.plusSeconds(60));
        assertThat(move).isInstanceOf(Move.Complete.class);
    }

    @Test
    void aRollbackVerdictIsTakenAtOnceEvenDuringThePause() {
        Move move = NextMove.afterEvaluation(canary.getSpec(), at(1), verdict(Recommendation.rollback), STEP_START.plusSeconds(1));
        assertThat(move).isInstanceOf(Move.Rollback.class);
        assertThat(move.reason()).startsWith(GateReason.THRESHOLD_FAILED);
    }

    @Test
    void noDataAndAnOutageOnlyEverStay() {
        assertThat(NextMove.afterEvaluation(canary.getSpec(), at(0), verdict(Recommendation.hold), STEP_START.plusSeconds(90)))
                .isInstanceOf(Move.Stay.class);
        Move outage = NextMove.afterOutage("Prometheus at http://p:9090 is unreachable");
        assertThat(outage).isInstanceOf(Move.Stay.class);
        assertThat(((Move.Stay) outage).code()).isEqualTo(NextMove.METRICS_UNAVAILABLE);
    }

    @Test
    void aPersonsPromoteIgnoresThePauseAndTheirAbortRollsBack() {
        assertThat(NextMove.manual(new ManualAction(ManualAction.Kind.PROMOTE, "promote", "alice"), canary.getSpec(), at(0)))
                .isEqualTo(new Move.Advance(1, 50, "alice", "promoted by hand (veroforge.io/canary-action)"));
        assertThat(NextMove.manual(new ManualAction(ManualAction.Kind.ABORT, "abort", "bob"), canary.getSpec(), at(0)).by()).isEqualTo("bob");
        assertThat(NextMove.manual(new ManualAction(ManualAction.Kind.INVALID, "yes", "eve"), canary.getSpec(), at(0)))
                .isInstanceOf(Move.Stay.class);
    }

    @ParameterizedTest(name = "{0}% of {1} replicas -> {2} canary, {3} stable")
    @CsvSource({"0,4,0,4", "10,4,1,3", "25,4,1,3", "50,4,2,2", "75,4,3,1", "99,4,4,1", "100,4,4,0", "50,1,1,1", "10,10,1,9", "100,1,1,0"})
    void theReplicasRouterApproximatesTheWeightWithWholePods(int weight, int total, int canary, int stable) {
        assertThat(ReplicaRouter.canaryReplicas(weight, total)).isEqualTo(canary);
        assertThat(ReplicaRouter.stableReplicas(weight, total, canary)).isEqualTo(stable);
    }

    private static CanaryStatus at(int step) {
        CanaryStatus status = new CanaryStatus();
        status.setCurrentStep(step);
        status.setStepStartedAt(STEP_START.toString());
        return status;
    }

    private static GateEvaluation verdict(Recommendation r) {
        GateReason reason = switch (r) {
            case promote -> new GateReason(GateReason.ALL_KPIS_PASSED, null, "every KPI passed");
            case rollback -> new GateReason(GateReason.THRESHOLD_FAILED, "error_rate", "error_rate = 0.2 is not lt 0.05");
            case hold -> new GateReason(GateReason.NO_DATA, "error_rate", "no data");
        };
        return new GateEvaluation(r != Recommendation.rollback, r == Recommendation.hold ? null : 100.0, r, 1.0, List.of(), List.of(reason));
    }
}
