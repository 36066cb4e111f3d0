package io.veroforge.operator.canary;

import java.util.Map;

import io.veroforge.api.v1alpha1.Kpi;

/**
 * The PromQL of a KPI for one revision: its own {@code query}, or the built-in of its name, with
 * {@code {{namespace}}}, {@code {{revision}}} and {@code {{window}}} substituted. {@code {{window}}} is
 * {@code analysis.rateWindow}, by default the analysis interval: each sample is a rate over it, the
 * analysis window says how many samples.
 */
public final class KpiQueries {
    private static final String SELECTOR = "namespace=\"{{namespace}}\",revision=\"{{revision}}\"";
    /** The built-ins, over the metrics the generated API exports (docs/canary.md). */
    public static final Map<String, String> BUILT_IN = Map.of(
            // no 5xx series yet is zero errors, not missing data; no requests at all stays missing data
            "error_rate", "(sum(rate(http_requests_total{" + SELECTOR + ",code=~\"5..\"}[{{window}}])) or vector(0)) / sum(rate(http_requests_total{"
                    + SELECTOR + "}[{{window}}]))",
            "latency_p95_ms", "histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{" + SELECTOR
                    + "}[{{window}}]))) * 1000",
            "latency_p99_ms", "histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{" + SELECTOR
                    + "}[{{window}}]))) * 1000",
            "request_rate", "sum(rate(http_requests_total{" + SELECTOR + "}[{{window}}]))",
            "cpu_seconds", "sum(rate(process_cpu_seconds_total{" + SELECTOR + "}[{{window}}]))");

    private KpiQueries() {
    }

    /**
     * @throws IllegalArgumentException naming the KPI when it has no query and no built-in of its name
     */
    public static String resolve(Kpi kpi, String namespace, String revision, String window) {
        String template = kpi.getQuery() != null && !kpi.getQuery().isBlank() ? kpi.getQuery() : BUILT_IN.get(kpi.getName());
        if (template == null) {
            throw new IllegalArgumentException("spec.kpis[" + kpi.getName() + "].query: no query and no built-in KPI of that name; give a query or use one of "
                    + BUILT_IN.keySet().stream().sorted().toList());
        }
        return template.replace("{{namespace}}", namespace).replace("{{revision}}", revision).replace("{{window}}", window);
    }
}
