package io.veroforge.api.v1alpha1;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * A progressive rollout: traffic moves to the new revision step by step, and at each evaluation
 * the KPI gate scores the revision (each passing KPI adds its weight) and promotes, continues or
 * rolls back. {@code isSorted()} and {@code sum()} come from the Kubernetes CEL list library.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@ValidationRule(value = "self.steps.map(s, s.weight).isSorted()",
        message = "spec.steps[].weight: weights must not decrease from one step to the next; order the steps by weight")
@ValidationRule(value = "self.kpis.map(k, k.weight).sum() == 100",
        message = "spec.kpis[].weight: the weights of all KPIs must add up to 100 (each is its share of the score)")
@ValidationRule(value = "self.kpis.all(k, self.kpis.exists_one(o, o.name == k.name))",
        message = "spec.kpis[].name: KPI names must be unique; remove or rename the duplicate")
public class CanarySpec {

    @Default("{}")
    @JsonPropertyDescription("How traffic is split between the stable and the canary revision (default: replicas).")
    private CanaryRouter router = new CanaryRouter();


    @Required
    @JsonPropertyDescription("What is rolled out.")
    private CanaryTarget target;

    @Required
    @Size(min = 1, max = 20)
    @JsonPropertyDescription("Traffic steps in order; after the last one passes, the revision is promoted to 100%.")
    private List<CanaryStep> steps = new ArrayList<>();

    @Default("{}")
    @JsonPropertyDescription("Evaluation interval and window.")
    private CanaryAnalysis analysis = new CanaryAnalysis();

    @Required
    @Size(min = 1, max = 10)
    @JsonPropertyDescription("What healthy means; each KPI passes or fails and contributes its weight to the score.")
    private List<Kpi> kpis = new ArrayList<>();

    @Default("80")
    @Min(0)
    @Max(100)
    @JsonPropertyDescription("Lowest score (0-100) that lets the rollout go on (default 80); below it the revision is rolled back.")
    private Integer passScore = 80;

    @Default("{}")
    @JsonPropertyDescription("Metrics backend (default: the platform's Prometheus).")
    private MetricsProvider metricsProvider = new MetricsProvider();

    public CanaryTarget getTarget() {
        return target;
    }

    public void setTarget(CanaryTarget target) {
        this.target = target;
    }

    public List<CanaryStep> getSteps() {
        return steps;
    }

    public void setSteps(List<CanaryStep> steps) {
        this.steps = steps == null ? new ArrayList<>() : steps;
    }

    public CanaryAnalysis getAnalysis() {
        return analysis;
    }

    public void setAnalysis(CanaryAnalysis analysis) {
        this.analysis = analysis == null ? new CanaryAnalysis() : analysis;
    }

    public List<Kpi> getKpis() {
        return kpis;
    }

    public void setKpis(List<Kpi> kpis) {
        this.kpis = kpis == null ? new ArrayList<>() : kpis;
    }

    public Integer getPassScore() {
        return passScore;
    }

    public void setPassScore(Integer passScore) {
        this.passScore = passScore;
    }

    public MetricsProvider getMetricsProvider() {
        return metricsProvider;
    }

    public void setMetricsProvider(MetricsProvider metricsProvider) {
        this.metricsProvider = metricsProvider == null ? new MetricsProvider() : metricsProvider;
    }

    public CanaryRouter getRouter() {
        return router;
    }

    public void setRouter(CanaryRouter router) {
        this.router = router == null ? new CanaryRouter() : router;
    }
}
