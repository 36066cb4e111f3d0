package io.veroforge.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Quantity;

/** A CPU and memory amount. */
@ValidationRule(value = "!has(self.cpu) || (type(self.cpu) == int ? self.cpu >= 0 : self.cpu.matches('" + NamePatterns.QUANTITY + "'))",
        message = "cpu: not a Kubernetes quantity or negative; write a number with an optional suffix, such as 500m or 2")
@ValidationRule(value = "!has(self.memory) || (type(self.memory) == int ? self.memory >= 0 : self.memory.matches('" + NamePatterns.QUANTITY + "'))",
        message = "memory: not a Kubernetes quantity or negative; write a number with an optional suffix, such as 512Mi or 4Gi")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ResourcePair {
    @JsonDeserialize(using = LenientQuantity.class)
    private Quantity cpu;
    @JsonDeserialize(using = LenientQuantity.class)
    private Quantity memory;

    public ResourcePair() {
    }

    public ResourcePair(String cpu, String memory) {
        this.cpu = cpu == null ? null : new Quantity(cpu);
        this.memory = memory == null ? null : new Quantity(memory);
    }

    public Quantity getCpu() {
        return cpu;
    }

    public void setCpu(Quantity cpu) {
        this.cpu = cpu;
    }

    public Quantity getMemory() {
        return memory;
    }

    public void setMemory(Quantity memory) {
        this.memory = memory;
    }
}
