package io.veroforge.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.ValidationRule;

/** How a new revision of the app replaces the running one. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "self.strategy == 'canary' || !has(self.canary)",
        message = "spec.rollout.canary: applies only to strategy canary; remove canary or set strategy: canary")
@ValidationRule(value = "!has(self.canary) || !has(self.canary.templateRef) || !has(self.canary.steps) || size(self.canary.steps) == 0",
        message = "spec.rollout.canary: set either templateRef (the template's steps are used) or steps, not both")
public class RolloutSpec {

    @Default("direct")
    @JsonPropertyDescription("direct (default): rolling update. canary: progressive traffic shift gated by KPIs.")
    private RolloutStrategy strategy = RolloutStrategy.direct;

    @JsonPropertyDescription("Canary settings (strategy canary); unset: the platform's default steps and KPIs.")
    private CanaryRolloutSpec canary;

    public RolloutStrategy getStrategy() {
        return strategy;
    }

    public void setStrategy(RolloutStrategy strategy) {
        this.strategy = strategy;
    }

    public CanaryRolloutSpec getCanary() {
        return canary;
    }

    public void setCanary(CanaryRolloutSpec canary) {
        this.canary = canary;
    }
}
