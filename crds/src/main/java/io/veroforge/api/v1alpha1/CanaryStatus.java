package io.veroforge.api.v1alpha1;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Progress of a rollout and the reasons behind each decision. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CanaryStatus extends ConditionedStatus {

    private String stableRevision;

    private String canaryRevision;

    /** RFC 3339: when the current step began. */
    private String stepStartedAt;

    /** Replicas the stable Deployment had before the rollout; the replicas router splits these. */
    private Integer totalReplicas;

    /** Each KPI's value at the last evaluations, oldest first (the gate's trend input). */
    private Map<String, List<Double>> kpiHistory = new LinkedHashMap<>();

    private CanaryPhase phase;
    /** Index into spec.steps. */
    private Integer currentStep;
    /** Traffic percentage on the new revision now. */
    private Integer currentWeight;
    private CanaryEvaluation lastEvaluation;
    private List<CanaryDecision> decisions = new ArrayList<>();

    public CanaryPhase getPhase() {
        return phase;
    }

    public void setPhase(CanaryPhase phase) {
        this.phase = phase;
    }

    public Integer getCurrentStep() {
        return currentStep;
    }

    public void setCurrentStep(Integer currentStep) {
        this.currentStep = currentStep;
    }

    public Integer getCurrentWeight() {
        return currentWeight;
    }

    public void setCurrentWeight(Integer currentWeight) {
        this.currentWeight = currentWeight;
    }

    public CanaryEvaluation getLastEvaluation() {
        return lastEvaluation;
    }

    public void setLastEvaluation(CanaryEvaluation lastEvaluation) {
        this.lastEvaluation = lastEvaluation;
    }

    public List<CanaryDecision> getDecisions() {
        return decisions;
    }

    public void setDecisions(List<CanaryDecision> decisions) {
        this.decisions = decisions == null ? new ArrayList<>() : decisions;
    }

    public String getStableRevision() {
        return stableRevision;
    }

    public void setStableRevision(String stableRevision) {
        this.stableRevision = stableRevision;
    }

    public String getCanaryRevision() {
        return canaryRevision;
    }

    public void setCanaryRevision(String canaryRevision) {
        this.canaryRevision = canaryRevision;
    }

    public String getStepStartedAt() {
        return stepStartedAt;
    }

    public void setStepStartedAt(String stepStartedAt) {
        this.stepStartedAt = stepStartedAt;
    }

    public Integer getTotalReplicas() {
        return totalReplicas;
    }

    public void setTotalReplicas(Integer totalReplicas) {
        this.totalReplicas = totalReplicas;
    }

    public Map<String, List<Double>> getKpiHistory() {
        return kpiHistory;
    }

    public void setKpiHistory(Map<String, List<Double>> kpiHistory) {
        this.kpiHistory = kpiHistory == null ? new LinkedHashMap<>() : kpiHistory;
    }
}
