package io.veroforge.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One KPI of an evaluation. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class KpiResult {

    private Double baseline;

    private KpiOperator operator;

    private Integer weight;

    private Boolean critical;

    /** Canary samples in the window. */
    private Integer samples;

    private Integer baselineSamples;

    /** One-sided Mann-Whitney U p-value that the canary is worse than the baseline beyond the tolerance. */
    private Double pValue;

    /** The PromQL sent for the canary, placeholders resolved. */
    private String query;

    /** Why it failed or has no verdict (ThresholdFailed, WorseThanBaseline, NoData); unset when it passed. */
    private String reason;

    private String name;
    private Double value;
    private Double threshold;
    private Boolean passed;
    private KpiTrend trend;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Double getValue() {
        return value;
    }

    public void setValue(Double value) {
        this.value = value;
    }

    public Double getThreshold() {
        return threshold;
    }

    public void setThreshold(Double threshold) {
        this.threshold = threshold;
    }

    public Boolean getPassed() {
        return passed;
    }

    public void setPassed(Boolean passed) {
        this.passed = passed;
    }

    public KpiTrend getTrend() {
        return trend;
    }

    public void setTrend(KpiTrend trend) {
        this.trend = trend;
    }

    public Double getBaseline() {
        return baseline;
    }

    public void setBaseline(Double baseline) {
        this.baseline = baseline;
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

    public Integer getSamples() {
        return samples;
    }

    public void setSamples(Integer samples) {
        this.samples = samples;
    }

    public Integer getBaselineSamples() {
        return baselineSamples;
    }

    public void setBaselineSamples(Integer baselineSamples) {
        this.baselineSamples = baselineSamples;
    }

    public Double getPValue() {
        return pValue;
    }

    public void setPValue(Double pValue) {
        this.pValue = pValue;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
