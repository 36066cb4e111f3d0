package io.veroforge.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** What a Canary rolls out: a VeroForge app, or any Deployment in the namespace. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "has(self.appSpec) != has(self.deployment)",
        message = "spec.target: set exactly one of appSpec (a VeroForge app) or deployment (any Deployment in the namespace)")
public class CanaryTarget {

    @Size(max = 63)
    @Pattern(NamePatterns.DNS_LABEL)
    @JsonPropertyDescription("Name of an AppSpec in the same namespace; its newest Generation is the new revision.")
    private String appSpec;

    @Size(max = 253)
    @Pattern(NamePatterns.DNS_SUBDOMAIN)
    @JsonPropertyDescription("Name of a Deployment in the same namespace; its current pod template is the new revision.")
    private String deployment;

    public String getAppSpec() {
        return appSpec;
    }

    public void setAppSpec(String appSpec) {
        this.appSpec = appSpec;
    }

    public String getDeployment() {
        return deployment;
    }

    public void setDeployment(String deployment) {
        this.deployment = deployment;
    }
}
