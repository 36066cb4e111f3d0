package io.veroforge.operator.canary.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The gate over synthetic series: each case is one row of issue 12's table. */
class KpiGateTest {
    private static final KpiDefinition ERRORS = new KpiDefinition("error_rate", null, 0.01, Comparison.lt, 50, false);
    private static final KpiDefinition LATENCY = new KpiDefinition("latency_p95_ms", null, 400, Comparison.lt, 30, false);
    private static final KpiDefinition BOOKINGS = new KpiDefinition("visit_bookings_per_minute", "sum(rate(x[5m]))", 0, Comparison.gt, 20, false);
    private static final int N = 30;

    private final KpiGate gate = new KpiGate();

    @Test
    void healthyCanaryIsPromoted() {
        GateEvaluation e = gate.evaluate(input(
                samples(ERRORS, noisy(1, 0.002, 0.0005), noisy(2, 0.002, 0.0005)),
                samples(LATENCY, noisy(3, 120, 10), noisy(4, 120, 10)),
                samples(BOOKINGS, noisy(5, 12, 2), noisy(6, 12, 2))));

        assertThat(e.recommendation()).isEqualTo(Recommendation.promote);
        assertThat(e.passed()).isTrue();
        assertThat(e.score()).isEqualTo(100.0);
        assertThat(e.confidence()).isEqualTo(1.0);
        assertThat(e.reasonCode()).isEqualTo(GateReason.ALL_KPIS_PASSED);
        assertThat(e.kpiResults()).extracting(KpiOutcome::passed).containsOnly(true);
        assertThat(e.kpiResults().get(1).value()).isBetween(110.0, 130.0);
        assertThat(e.kpiResults().get(1).baseline()).isBetween(110.0, 130.0);
        assertThat(e.kpiResults().get(1).samples()).isEqualTo(N);
    }

    @Test
    void oneFailingKpiLowersTheScoreByItsWeight() {
        GateEvaluation e = gate.evaluate(input(
                samples(ERRORS, noisy(1, 0.002, 0.0005), noisy(2, 0.002, 0.0005)),
                samples(LATENCY, noisy(3, 120, 10), noisy(4, 120, 10)),
                samples(BOOKINGS, constant(0), constant(0))));

        assertThat(e.score()).isEqualTo(80.0);
        assertThat(e.passed()).isTrue();
        assertThat(e.recommendation()).isEqualTo(Recommendation.promote);
        assertThat(e.reasonCode()).isEqualTo(GateReason.SCORE_PASSED);
        assertThat(e.kpiResults().get(2).reason()).isEqualTo(GateReason.THRESHOLD_FAILED);
    }

    @Test
    void failingAHeavyKpiRollsBack() {
        GateEvaluation e = gate.evaluate(input(
                samples(ERRORS, noisy(1, 0.05, 0.005), noisy(2, 0.002, 0.0005)),
                samples(LATENCY, noisy(3, 120, 10), noisy(4, 120, 10)),
                samples(BOOKINGS, noisy(5, 12, 2), noisy(6, 12, 2))));

        assertThat(e.score()).isEqualTo(50.0);
        assertThat(e.recommendation()).isEqualTo(Recommendation.rollback);
        assertThat(e.reasonCode()).isEqualTo(GateReason.SCORE_BELOW_PASS_SCORE);
        assertThat(e.reasons()).extracting(GateReason::kpi).contains("error_rate");
    }

    @Test
    void failingCriticalKpiRollsBackWhateverTheScore() {
        KpiDefinition criticalBookings = new KpiDefinition("visit_bookings_per_minute", null, 0, Comparison.gt, 20, true);
        GateEvaluation e = gate.evaluate(input(
                samples(ERRORS, noisy(1, 0.002, 0.0005), noisy(2, 0.002, 0.0005)),
                samples(LATENCY, noisy(3, 120, 10), noisy(4, 120, 10)),
                samples(criticalBookings, constant(0), noisy(6, 12, 2))));

        assertThat(e.score()).isEqualTo(80.0);
        assertThat(e.passed()).isFalse();
        assertThat(e.recommendation()).isEqualTo(Recommendation.rollback);
        assertThat(e.reasonCode()).isEqualTo(GateReason.CRITICAL_KPI_FAILED);
        assertThat(e.reasons().get(0).message()).contains("visit_bookings_per_minute");
    }

    @Test
    void noDataForOneKpiHoldsAndNamesKpiAndQuery() {
        GateEvaluation e = gate.evaluate(input(
                samples(ERRORS, noisy(1, 0.002, 0.0005), noisy(2, 0.002, 0.0005)),
                samples(LATENCY, noisy(3, 120, 10), noisy(4, 120, 10)),
                new KpiSamples(BOOKINGS, "sum(rate(http_requests_total{revision=\"r2\"}[5m]))", new double[0], new double[0], List.of())));

        assertThat(e.recommendation()).isEqualTo(Recommendation.hold);
        assertThat(e.recommendation().word()).isEqualTo("continue");
        // renormalized over the KPIs with data: 80 of 80
        assertThat(e.score()).isEqualTo(100.0);
        assertThat(e.reasonCode()).isEqualTo(GateReason.NO_DATA);
        assertThat(e.reasons().get(0).kpi()).isEqualTo("visit_bookings_per_minute");
        assertThat(e.reasons().get(0).message()).contains("sum(rate(http_requests_total{revision=\"r2\"}[5m]))");
        assertThat(e.kpiResults().get(2).passed()).isNull();
        assertThat(e.confidence()).isEqualTo(0.8);
    }

    @Test
    void noDataAtAllIsInconclusiveNeverARollback() {
        double[] nan = {Double.NaN, Double.NaN, Double.NaN};
        GateEvaluation e = gate.evaluate(input(
                samples(ERRORS, nan, new double[0]),
                samples(LATENCY, new double[0], new double[0]),
                samples(BOOKINGS, new double[0], new double[0])));

        assertThat(e.recommendation()).isEqualTo(Recommendation.hold);
        assertThat(e.passed()).isFalse();
        assertThat(e.score()).isNull();
        assertThat(e.confidence()).isZero();
        assertThat(e.reasons()).hasSize(3).extracting(GateReason::code).containsOnly(GateReason.NO_DATA);
    }

    @Test
    void noDataDoesNotRescueAFailingCanary() {
        GateEvaluation e = gate.evaluate(input(
                samples(ERRORS, noisy(1, 0.05, 0.005), noisy(2, 0.002, 0.0005)),
                samples(LATENCY, new double[0], new double[0]),
                samples(BOOKINGS, noisy(5, 12, 2), noisy(6, 12, 2))));

        // 20 of 70 with data
        assertThat(e.score()).isEqualTo(28.6);
        assertThat(e.recommendation()).isEqualTo(Recommendation.rollback);
        assertThat(e.reasons()).extracting(GateReason::code).contains(GateReason.NO_DATA, GateReason.THRESHOLD_FAILED);
    }

    @Test
    void canaryWorseThanBaselineFailsEvenUnderTheThreshold() {
        GateEvaluation e = gate.evaluate(input(
                samples(ERRORS, noisy(1, 0.002, 0.0005), noisy(2, 0.002, 0.0005)),
                samples(LATENCY, noisy(3, 250, 15), noisy(4, 120, 10)),
                samples(BOOKINGS, noisy(5, 12, 2), noisy(6, 12, 2))));

        KpiOutcome latency = e.kpiResults().get(1);
        assertThat(latency.value()).isLessThan(400.0);
        assertThat(latency.passed()).isFalse();
        assertThat(latency.reason()).isEqualTo(GateReason.WORSE_THAN_BASELINE);
        assertThat(latency.pValue()).isLessThan(0.01);
        assertThat(e.score()).isEqualTo(70.0);
        assertThat(e.recommendation()).isEqualTo(Recommendation.rollback);
    }

    @Test
    void canaryBetterThanBaselineIsNotAFailure() {
        GateEvaluation e = gate.evaluate(input(
                samples(ERRORS, noisy(1, 0.001, 0.0002), noisy(2, 0.004, 0.0005)),
                samples(LATENCY, noisy(3, 60, 5), noisy(4, 120, 10)),
                samples(BOOKINGS, noisy(5, 20, 2), noisy(6, 12, 2))));

        assertThat(e.recommendation()).isEqualTo(Recommendation.promote);
        assertThat(e.kpiResults().get(1).pValue()).isGreaterThan(0.5);
    }

    @Test
    void noisyButEqualSeriesNeverRollBack() {
        int rollbacks = 0;
        int promotions = 0;
        for (long seed = 0; seed < 500; seed++) {
            Random r = new Random(seed);
            // heavy noise (coefficient of variation 30-50%), same distribution on both sides
            GateEvaluation e = gate.evaluate(input(
                    samples(ERRORS, skewed(r, 0.003, 0.5), skewed(r, 0.003, 0.5)),
                    samples(LATENCY, skewed(r, 150, 0.4), skewed(r, 150, 0.4)),
                    samples(BOOKINGS, skewed(r, 10, 0.3), skewed(r, 10, 0.3))));
            rollbacks += e.recommendation() == Recommendation.rollback ? 1 : 0;
            promotions += e.recommendation() == Recommendation.promote ? 1 : 0;
        }
        assertThat(rollbacks).isZero();
        assertThat(promotions).isEqualTo(500);
    }

    @Test
    void aRealRegressionIsCaughtAcrossSeeds() {
        int caught = 0;
        for (long seed = 0; seed < 200; seed++) {
            Random r = new Random(seed);
            GateEvaluation e = gate.evaluate(input(
                    samples(ERRORS, skewed(r, 0.003, 0.3), skewed(r, 0.003, 0.3)),
                    samples(LATENCY, skewed(r, 240, 0.15), skewed(r, 150, 0.15)),
                    samples(BOOKINGS, skewed(r, 10, 0.3), skewed(r, 10, 0.3))));
            caught += e.kpiResults().get(1).passed() ? 0 : 1;
        }
        assertThat(caught).isEqualTo(200);
    }

    @Test
    void aCanaryThatBrokeLateInTheWindowRollsBackAtThisEvaluation() {
        KpiDefinition errors = new KpiDefinition("error_rate", null, 0.05, Comparison.lt, 50, false);
        double[] brokeLate = withNewest(noisy(1, 0.002, 0.0005), 0.25, 0.24, 0.26);

        GateEvaluation e = gate.evaluate(input(
                samples(errors, brokeLate, noisy(2, 0.002, 0.0005)),
                samples(LATENCY, noisy(3, 120, 10), noisy(4, 120, 10)),
                samples(BOOKINGS, noisy(5, 12, 2), noisy(6, 12, 2))));

        assertThat(e.kpiResults().get(0).value()).as("the window's mean still passes").isLessThan(0.05);
        assertThat(e.kpiResults().get(0).reason()).isEqualTo(GateReason.RECENT_BREACH);
        assertThat(e.recommendation()).isEqualTo(Recommendation.rollback);
        assertThat(e.reasons()).extracting(GateReason::message)
                .anySatisfy(m -> assertThat(m).contains("newest 3 samples all fail lt 0.05 while the baseline's do not"));
    }

    @Test
    void aBreachTheStableSharesOrASpikeIsNotTheCanarysFault() {
        KpiDefinition errors = new KpiDefinition("error_rate", null, 0.05, Comparison.lt, 50, false);
        GateEvaluation shared = gate.evaluate(input(
                samples(errors, withNewest(noisy(1, 0.002, 0.0005), 0.25, 0.24, 0.26), withNewest(noisy(2, 0.002, 0.0005), 0.2, 0.3, 0.2)),
                samples(LATENCY, noisy(3, 120, 10), noisy(4, 120, 10))));
        GateEvaluation spike = gate.evaluate(input(
                samples(errors, withNewest(noisy(1, 0.002, 0.0005), 0.25, 0.001, 0.26), noisy(2, 0.002, 0.0005)),
                samples(LATENCY, noisy(3, 120, 10), noisy(4, 120, 10))));

        assertThat(shared.kpiResults().get(0).passed()).as("the stable fails the same way: a shared cause").isTrue();
        assertThat(spike.kpiResults().get(0).passed()).as("one good sample among the newest three").isTrue();
        assertThat(shared.recommendation()).isNotEqualTo(Recommendation.rollback);
        assertThat(spike.recommendation()).isNotEqualTo(Recommendation.rollback);
    }

    @Test
    void trendFollowsTheSlopeOverRecentEvaluations() {
        KpiSamples rising = new KpiSamples(LATENCY, "q", constant(200), constant(200), List.of(100.0, 130.0, 160.0, 180.0));
        KpiSamples falling = new KpiSamples(LATENCY, "q", constant(100), constant(100), List.of(200.0, 170.0, 140.0, 120.0));
        KpiSamples flat = new KpiSamples(LATENCY, "q", constant(150), constant(150), List.of(151.0, 149.0, 150.0, 150.5));
        KpiSamples risingThroughput = new KpiSamples(BOOKINGS, "q", constant(20), constant(20), List.of(5.0, 10.0, 15.0));
        KpiSamples young = new KpiSamples(LATENCY, "q", constant(300), constant(300), List.of(100.0));

        assertThat(trend(rising)).isEqualTo(Trend.degrading);
        assertThat(trend(falling)).isEqualTo(Trend.improving);
        assertThat(trend(flat)).isEqualTo(Trend.stable);
        assertThat(trend(risingThroughput)).isEqualTo(Trend.improving);
        assertThat(trend(young)).as("two points are no trend").isEqualTo(Trend.stable);
    }

    @Test
    void fewSamplesGiveLowConfidenceAndHold() {
        GateEvaluation e = new KpiGate().evaluate(new GateInput(List.of(
                samples(ERRORS, new double[] {0.001, 0.001}, new double[] {0.001, 0.001}),
                samples(LATENCY, new double[] {100, 110}, new double[] {100, 110}),
                samples(BOOKINGS, new double[] {9, 11}, new double[] {9, 11})), 80, N));

        assertThat(e.passed()).isTrue();
        assertThat(e.confidence()).isEqualTo(0.067);
        assertThat(e.recommendation()).isEqualTo(Recommendation.hold);
        assertThat(e.reasonCode()).isEqualTo(GateReason.LOW_CONFIDENCE);
        assertThat(e.kpiResults().get(1).pValue()).as("too few samples to compare").isNull();
    }

    @Test
    void eqKpisCompareWithTheThresholdOnly() {
        KpiDefinition failedChecks = new KpiDefinition("failed_health_checks", "q", 0, Comparison.eq, 100, false);
        assertThat(gate.evaluate(input(samples(failedChecks, constant(0), constant(0)))).recommendation())
                .isEqualTo(Recommendation.promote);
        assertThat(gate.evaluate(input(samples(failedChecks, constant(1), constant(0)))).recommendation())
                .isEqualTo(Recommendation.rollback);
    }

    @Test
    void sameInputsGiveTheSameEvaluation() {
        GateInput in = input(
                samples(ERRORS, noisy(1, 0.002, 0.0005), noisy(2, 0.002, 0.0005)),
                samples(LATENCY, noisy(3, 250, 15), noisy(4, 120, 10)),
                samples(BOOKINGS, noisy(5, 12, 2), noisy(6, 12, 2)));
        assertThat(new KpiGate().evaluate(in)).isEqualTo(gate.evaluate(in));
    }

    private Trend trend(KpiSamples s) {
        return gate.evaluate(input(s)).kpiResults().get(0).trend();
    }

    private static GateInput input(KpiSamples... samples) {
        return new GateInput(List.of(samples), 80, N);
    }

    private static KpiSamples samples(KpiDefinition kpi, double[] canary, double[] baseline) {
        return new KpiSamples(kpi, "resolved(" + kpi.name() + ")", canary, baseline, List.of());
    }

    private static double[] noisy(long seed, double mean, double sd) {
        Random r = new Random(seed);
        double[] v = new double[N];
        for (int i = 0; i < N; i++) {
            v[i] = Math.max(0, mean + sd * r.nextGaussian());
        }
        return v;
    }

    /** {@code values} with its newest samples replaced by {@code newest}. */
    private static double[] withNewest(double[] values, double... newest) {
        double[] v = values.clone();
        System.arraycopy(newest, 0, v, v.length - newest.length, newest.length);
        return v;
    }

    /** Log-normal around {@code median} with spread {@code sigma}: latency-like, long right tail. */
    private static double[] skewed(Random r, double median, double sigma) {
        double[] v = new double[N];
        for (int i = 0; i < N; i++) {
            v[i] = median * Math.exp(sigma * r.nextGaussian());
        }
        return v;
    }

    private static double[] constant(double value) {
        double[] v = new double[N];
        java.util.Arrays.fill(v, value);
        return v;
    }

}
