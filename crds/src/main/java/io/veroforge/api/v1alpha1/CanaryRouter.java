package io.veroforge.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

/** How a Canary splits traffic: by replica counts, or by the weights of a Gateway API HTTPRoute. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "self.type != 'gatewayApi' || (has(self.httpRoute) && has(self.stableService) && has(self.canaryService))",
        message = "spec.router: type gatewayApi needs httpRoute, stableService and canaryService")
public class CanaryRouter {

    @Default("replicas")
    @JsonPropertyDescription("replicas (default: the canary's share of the pods approximates the weight) or gatewayApi (weighted backendRefs of an HTTPRoute).")
    private CanaryRouterType type = CanaryRouterType.replicas;

    @Size(max = 253)
    @Pattern(NamePatterns.DNS_SUBDOMAIN)
    @JsonPropertyDescription("gatewayApi: the HTTPRoute in the namespace whose first rule's backendRefs are set.")
    private String httpRoute;

    @Size(max = 63)
    @Pattern(NamePatterns.DNS_LABEL)
    @JsonPropertyDescription("gatewayApi: the Service selecting the stable revision's pods.")
    private String stableService;

    @Size(max = 63)
    @Pattern(NamePatterns.DNS_LABEL)
    @JsonPropertyDescription("gatewayApi: the Service selecting the canary revision's pods.")
    private String canaryService;

    public CanaryRouterType getType() {
        return type;
    }

    public void setType(CanaryRouterType type) {
        this.type = type;
    }

    public String getHttpRoute() {
        return httpRoute;
    }

    public void setHttpRoute(String httpRoute) {
        this.httpRoute = httpRoute;
    }

    public String getStableService() {
        return stableService;
    }

    public void setStableService(String stableService) {
        this.stableService = stableService;
    }

    public String getCanaryService() {
        return canaryService;
    }

    public void setCanaryService(String canaryService) {
        this.canaryService = canaryService;
    }
}
