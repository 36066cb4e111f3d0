package io.veroforge.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An entry of a Canary's decision history: what was done, at which step, and why. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CanaryDecision {

    /** kpi-gate, or who asked through an annotation. */
    private String by;

    /** RFC 3339. */
    private String at;
    private CanaryRecommendation decision;
    private Integer step;
    private Integer weight;
    private Double score;
    private String reason;

    public String getAt() {
        return at;
    }

    public void setAt(String at) {
        this.at = at;
    }

    public CanaryRecommendation getDecision() {
        return decision;
    }

    public void setDecision(CanaryRecommendation decision) {
        this.decision = decision;
    }

    public Integer getStep() {
        return step;
    }

    public void setStep(Integer step) {
        this.step = step;
    }

    public Integer getWeight() {
        return weight;
    }

    public void setWeight(Integer weight) {
        this.weight = weight;
    }

    public Double getScore() {
        return score;
    }

    public void setScore(Double score) {
        this.score = score;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getBy() {
        return by;
    }

    public void setBy(String by) {
        this.by = by;
    }
}
