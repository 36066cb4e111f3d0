package io.veroforge.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One KPI of an evaluation. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class KpiResult {
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
}
