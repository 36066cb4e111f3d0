package io.veroforge.operator.canary;

import java.util.ArrayList;
import java.util.List;

import io.veroforge.api.v1alpha1.Canary;
import io.veroforge.api.v1alpha1.CanarySpec;
import io.veroforge.api.v1alpha1.Kpi;

/**
 * What CRD validation cannot check: durations that parse, KPIs with a query or a built-in of their
 * name. Every problem at once, each naming its field and the fix.
 */
final class CanarySpecProblems {
    private CanarySpecProblems() {
    }

    static List<String> of(Canary canary) {
        List<String> problems = new ArrayList<>();
        CanarySpec spec = canary.getSpec();
        if (spec == null || spec.getTarget() == null) {
            problems.add("spec.target: required; set appSpec or deployment");
            return problems;
        }
        if (spec.getSteps().isEmpty()) {
            problems.add("spec.steps: at least one step is needed, e.g. [{weight: 10}, {weight: 50}, {weight: 100}]");
        }
        duration(problems, "spec.analysis.interval", spec.getAnalysis().getInterval());
        duration(problems, "spec.analysis.window", spec.getAnalysis().getWindow());
        if (spec.getAnalysis().getRateWindow() != null) {
            duration(problems, "spec.analysis.rateWindow", spec.getAnalysis().getRateWindow());
        }
        for (int i = 0; i < spec.getSteps().size(); i++) {
            if (spec.getSteps().get(i).getPause() != null) {
                duration(problems, "spec.steps[" + i + "].pause", spec.getSteps().get(i).getPause());
            }
        }
        for (Kpi kpi : spec.getKpis()) {
            try {
                KpiQueries.resolve(kpi, "ns", "rev", "1s");
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        return problems;
    }

    private static void duration(List<String> problems, String field, String value) {
        try {
            if (Durations.parse(value).isZero()) {
                problems.add(field + ": must be longer than zero, e.g. 30s");
            }
        } catch (IllegalArgumentException e) {
            problems.add(field + ": " + e.getMessage());
        }
    }
}
