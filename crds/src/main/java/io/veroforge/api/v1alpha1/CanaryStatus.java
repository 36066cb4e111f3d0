package io.veroforge.api.v1alpha1;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Progress of a rollout and the reasons behind each decision. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CanaryStatus extends ConditionedStatus {
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
}
