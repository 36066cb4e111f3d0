package io.veroforge.api.v1alpha1;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The KPI gate's latest verdict. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CanaryEvaluation {
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
}
