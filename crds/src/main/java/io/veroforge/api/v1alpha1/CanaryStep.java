package io.veroforge.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** One step of a progressive rollout: send this share of traffic to the new revision, then wait. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CanaryStep {

    @Required
    @Min(0)
    @Max(100)
    @JsonPropertyDescription("Percentage of traffic sent to the new revision (0-100).")
    private Integer weight;

    @Size(max = 16)
    @Pattern(NamePatterns.DURATION)
    @JsonPropertyDescription("How long to stay at this weight before the KPI gate decides, e.g. 5m (default: one analysis window).")
    private String pause;

    public CanaryStep() {
    }

    public CanaryStep(Integer weight, String pause) {
        this.weight = weight;
        this.pause = pause;
    }

    public Integer getWeight() {
        return weight;
    }

    public void setWeight(Integer weight) {
        this.weight = weight;
    }

    public String getPause() {
        return pause;
    }

    public void setPause(String pause) {
        this.pause = pause;
    }
}
