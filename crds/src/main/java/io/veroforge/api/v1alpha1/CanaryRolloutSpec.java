package io.veroforge.api.v1alpha1;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

/**
 * The canary an AppSpec asks for on each deploy: either a Canary in the namespace used as a
 * template (its KPIs, analysis and provider), or just steps with the platform's default KPIs.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class CanaryRolloutSpec {

    @Size(max = 63)
    @Pattern(NamePatterns.DNS_LABEL)
    @JsonPropertyDescription("Name of a Canary in the AppSpec's namespace whose spec is copied (target excepted) for each rollout.")
    private String templateRef;

    @Size(max = 20)
    @JsonPropertyDescription("Steps to use with the platform's default KPIs (error rate, p95 latency) when there is no templateRef.")
    private List<CanaryStep> steps = new ArrayList<>();

    public String getTemplateRef() {
        return templateRef;
    }

    public void setTemplateRef(String templateRef) {
        this.templateRef = templateRef;
    }

    public List<CanaryStep> getSteps() {
        return steps;
    }

    public void setSteps(List<CanaryStep> steps) {
        this.steps = steps == null ? new ArrayList<>() : steps;
    }
}
