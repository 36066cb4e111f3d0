package io.veroforge.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The namespace's LimitRange for containers; unset fields take the platform defaults. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ContainerLimits {

    @JsonPropertyDescription("Requests given to a container that sets none (default 100m, 128Mi).")
    private ResourcePair defaultRequest;

    @JsonPropertyDescription("Limits given to a container that sets none (default 500m, 512Mi).")
    private ResourcePair defaultLimit;

    @JsonPropertyDescription("The most one container may ask for (default 2, 4Gi).")
    private ResourcePair max;

    public ResourcePair getDefaultRequest() {
        return defaultRequest;
    }

    public void setDefaultRequest(ResourcePair defaultRequest) {
        this.defaultRequest = defaultRequest;
    }

    public ResourcePair getDefaultLimit() {
        return defaultLimit;
    }

    public void setDefaultLimit(ResourcePair defaultLimit) {
        this.defaultLimit = defaultLimit;
    }

    public ResourcePair getMax() {
        return max;
    }

    public void setMax(ResourcePair max) {
        this.max = max;
    }
}
