package io.veroforge.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** One measurable condition of a healthy revision and its share of the canary score. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Kpi {

    @JsonPropertyDescription("A failing critical KPI rolls the revision back whatever the score (default false).")
    private Boolean critical;


    @Required
    @Size(min = 1, max = 63)
    @Pattern("^[a-z][a-z0-9_]*$")
    @JsonPropertyDescription("KPI name; without query one of the built-ins: error_rate, latency_p95_ms, latency_p99_ms, request_rate, cpu_seconds (docs/canary.md).")
    private String name;

    @Size(max = 4096)
    @JsonPropertyDescription("PromQL returning one number for the new revision; {{namespace}}, {{revision}} and {{window}} are substituted. Unset: the built-in query of name.")
    private String query;

    @Required
    @JsonPropertyDescription("Threshold the value is compared with.")
    private Double threshold;

    @Required
    @JsonPropertyDescription("gt, lt or eq: how the value must compare with threshold to pass.")
    private KpiOperator operator;

    @Required
    @Min(1)
    @Max(100)
    @JsonPropertyDescription("Share of the score in percent; the weights of all KPIs add up to 100.")
    private Integer weight;

    public Kpi() {
    }

    public Kpi(String name, Double threshold, KpiOperator operator, Integer weight) {
        this.name = name;
        this.threshold = threshold;
        this.operator = operator;
        this.weight = weight;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public Double getThreshold() {
        return threshold;
    }

    public void setThreshold(Double threshold) {
        this.threshold = threshold;
    }

    public KpiOperator getOperator() {
        return operator;
    }

    public void setOperator(KpiOperator operator) {
        this.operator = operator;
    }

    public Integer getWeight() {
        return weight;
    }

    public void setWeight(Integer weight) {
        this.weight = weight;
    }

    public Boolean getCritical() {
        return critical;
    }

    public void setCritical(Boolean critical) {
        this.critical = critical;
    }
}
