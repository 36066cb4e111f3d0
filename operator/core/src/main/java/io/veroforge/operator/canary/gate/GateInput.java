package io.veroforge.operator.canary.gate;

import java.util.List;

/**
 * Everything one evaluation looks at.
 *
 * @param kpis            one entry per KPI of the Canary, in spec order
 * @param passScore       lowest passing score, 0-100
 * @param expectedSamples samples a KPI has over a full analysis window (window / step); coverage
 *                        below it lowers the confidence
 */
public record GateInput(List<KpiSamples> kpis, double passScore, int expectedSamples) {
    public GateInput {
        kpis = List.copyOf(kpis);
        if (expectedSamples < 1) {
            throw new IllegalArgumentException("expectedSamples must be at least 1");
        }
    }
}
