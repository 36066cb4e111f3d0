package io.veroforge.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Quantity;

/** The tenant's PostgreSQL cluster (enterprise tier only). */
@ValidationRule(value = "!has(self.storage) || (type(self.storage) == int ? self.storage >= 0 : self.storage.matches('" + NamePatterns.QUANTITY + "'))",
        message = "spec.database.storage: not a Kubernetes quantity or negative; write a number with an optional suffix, such as 10Gi")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TenantDatabaseSpec {

    @Min(1)
    @Max(5)
    @JsonPropertyDescription("PostgreSQL instances in the tenant's CloudNativePG cluster (enterprise only; default 1).")
    private Integer instances;

    @JsonPropertyDescription("Storage of each instance (enterprise only; default 10Gi).")
    @JsonDeserialize(using = LenientQuantity.class)
    private Quantity storage;

    public Integer getInstances() {
        return instances;
    }

    public void setInstances(Integer instances) {
        this.instances = instances;
    }

    public Quantity getStorage() {
        return storage;
    }

    public void setStorage(Quantity storage) {
        this.storage = storage;
    }
}
