package io.veroforge.api.v1alpha1;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.fabric8.kubernetes.api.model.Condition;

/**
 * What every VeroForge status has: the generation it describes and conditions in the
 * {@code metav1.Condition} shape, so that {@code kubectl wait --for=condition=Ready} works.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class ConditionedStatus {
    private Long observedGeneration;
    private List<Condition> conditions = new ArrayList<>();

    public Long getObservedGeneration() {
        return observedGeneration;
    }

    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }

    public List<Condition> getConditions() {
        return conditions;
    }

    public void setConditions(List<Condition> conditions) {
        this.conditions = conditions == null ? new ArrayList<>() : conditions;
    }

    @JsonIgnore
    public Optional<Condition> condition(String type) {
        return conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    @JsonIgnore
    public boolean isTrue(String type) {
        return condition(type).map(c -> "True".equals(c.getStatus())).orElse(false);
    }
}
