package io.veroforge.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Quantity;

/** The namespace's ResourceQuota; unset fields take the platform defaults. */
@ValidationRule(value = "!has(self.cpu) || (type(self.cpu) == int ? self.cpu >= 0 : self.cpu.matches('" + NamePatterns.QUANTITY + "'))",
        message = "spec.quota.cpu: not a Kubernetes quantity or negative; write a number with an optional suffix, such as 500m or 2")
@ValidationRule(value = "!has(self.memory) || (type(self.memory) == int ? self.memory >= 0 : self.memory.matches('" + NamePatterns.QUANTITY + "'))",
        message = "spec.quota.memory: not a Kubernetes quantity or negative; write a number with an optional suffix, such as 512Mi or 4Gi")
@ValidationRule(value = "!has(self.storage) || (type(self.storage) == int ? self.storage >= 0 : self.storage.matches('" + NamePatterns.QUANTITY + "'))",
        message = "spec.quota.storage: not a Kubernetes quantity or negative; write a number with an optional suffix, such as 10Gi")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TenantQuota {

    @JsonPropertyDescription("Total CPU requests in the namespace (default 4).")
    @JsonDeserialize(using = LenientQuantity.class)
    private Quantity cpu;

    @JsonPropertyDescription("Total memory requests in the namespace (default 8Gi).")
    @JsonDeserialize(using = LenientQuantity.class)
    private Quantity memory;

    @JsonPropertyDescription("Total persistent volume storage requested (default 20Gi).")
    @JsonDeserialize(using = LenientQuantity.class)
    private Quantity storage;

    @Min(1)
    @Max(10000)
    @JsonPropertyDescription("Maximum number of pods (default 50).")
    private Integer pods;

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

    public Quantity getStorage() {
        return storage;
    }

    public void setStorage(Quantity storage) {
        this.storage = storage;
    }

    public Integer getPods() {
        return pods;
    }

    public void setPods(Integer pods) {
        this.pods = pods;
    }
}
