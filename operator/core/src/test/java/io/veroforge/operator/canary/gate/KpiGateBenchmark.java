package io.veroforge.operator.canary.gate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Cost of one gate evaluation of 10 KPIs x 300 samples (canary and baseline each, 5 earlier
 * evaluations for the trend). Warm-up then measured runs in this JVM; prints the distribution.
 * Run: {@code ./mvnw -B -q -Pbench-kpigate -pl operator/core -am -DskipTests verify}
 */
public final class KpiGateBenchmark {
    private static final int KPIS = 10;
    private static final int SAMPLES = 300;
    private static final int WARMUP = 2_000;
    private static final int RUNS = 5_000;

    public static void main(String[] args) {
        Random random = new Random(42);
        List<GateInput> inputs = new ArrayList<>();
        for (int variant = 0; variant < 16; variant++) {
            List<KpiSamples> kpis = new ArrayList<>();
            for (int k = 0; k < KPIS; k++) {
                KpiDefinition kpi = new KpiDefinition("kpi_" + k, null, 1000, k % 2 == 0 ? Comparison.lt : Comparison.gt, 10, k == 0);
                kpis.add(new KpiSamples(kpi, "q" + k, series(random, 100), series(random, 100),
                        List.of(100.0, 101.0, 99.0, 102.0, 100.5)));
            }
            inputs.add(new GateInput(kpis, 80, SAMPLES));
        }
        KpiGate gate = new KpiGate();
        int sink = 0;
        for (int i = 0; i < WARMUP; i++) {
            sink += gate.evaluate(inputs.get(i % inputs.size())).kpiResults().size();
        }
        long[] nanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            sink += gate.evaluate(inputs.get(i % inputs.size())).kpiResults().size();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "KPI gate, %d KPIs x %d samples, %d runs after %d warm-up (sink %d):%n", KPIS, SAMPLES, RUNS,
                WARMUP, sink);
        System.out.printf(Locale.ROOT, "  median %.3f ms, p99 %.3f ms, max %.3f ms (target < 5 ms)%n", ms(nanos[RUNS / 2]),
                ms(nanos[(int) (RUNS * 0.99)]), ms(nanos[RUNS - 1]));
    }

    private static double[] series(Random random, double median) {
        double[] v = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            v[i] = median * Math.exp(0.3 * random.nextGaussian());
        }
        return v;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
