package io.veroforge.api.v1alpha1;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Size;

/**
 * Extra namespaces allowed to reach the tenant. The platform namespace and the configured
 * ingress-controller namespace are always allowed; everything else from outside is denied.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class NetworkIsolation {

    @Size(max = 20)
    @JsonPropertyDescription("Names of further namespaces whose pods may connect to the tenant's pods (e.g. monitoring).")
    private List<@io.fabric8.generator.annotation.Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$") String> allowFromNamespaces = new ArrayList<>();

    public List<String> getAllowFromNamespaces() {
        return allowFromNamespaces;
    }

    public void setAllowFromNamespaces(List<String> allowFromNamespaces) {
        this.allowFromNamespaces = allowFromNamespaces == null ? new ArrayList<>() : allowFromNamespaces;
    }
}
