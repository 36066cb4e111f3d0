package io.veroforge.api.v1alpha1;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The KPI gate's latest verdict. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CanaryEvaluation {

    private Boolean passed;

    /** The gate's first reason (docs/canary.md). */
    private String reason;

    private String message;

    /** RFC 3339. */
    private String at;
    /** Sum of the weights of passing KPIs, 0-100. */
    private Double score;
    private CanaryRecommendation recommendation;
    /** 0-1: how much data backed the evaluation (low with little traffic). */
    private Double confidence;
    private List<KpiResult> kpis = new ArrayList<>();

    public String getAt() {
        return at;
    }

    public void setAt(String at) {
        this.at = at;
    }

    public Double getScore() {
        return score;
    }

    public void setScore(Double score) {
        this.score = score;
    }

    public CanaryRecommendation getRecommendation() {
        return recommendation;
    }

    public void setRecommendation(CanaryRecommendation recommendation) {
        this.recommendation = recommendation;
    }

    public Double getConfidence() {
        return confidence;
    }

    public void setConfidence(Double confidence) {
        this.confidence = confidence;
    }

    public List<KpiResult> getKpis() {
        return kpis;
    }

    public void setKpis(List<KpiResult> kpis) {
        this.kpis = kpis == null ? new ArrayList<>() : kpis;
    }

    public Boolean getPassed() {
        return passed;
    }

    public void setPassed(Boolean passed) {
        this.passed = passed;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }
}
