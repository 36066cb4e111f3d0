package io.veroforge.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** CPU and memory of the plugin's container. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SandboxResources {

    @JsonPropertyDescription("Requests (default: the tenant's LimitRange default).")
    private ResourcePair requests;

    @JsonPropertyDescription("Limits (default: the tenant's LimitRange default).")
    private ResourcePair limits;

    public ResourcePair getRequests() {
        return requests;
    }

    public void setRequests(ResourcePair requests) {
        this.requests = requests;
    }

    public ResourcePair getLimits() {
        return limits;
    }

    public void setLimits(ResourcePair limits) {
        this.limits = limits;
    }
}
