package io.veroforge.api.v1alpha1;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

/** The isolation a plugin runs in: its own runtime, bounded resources, and no network but what is listed. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class PluginSandbox {

    @Size(max = 253)
    @Pattern(NamePatterns.DNS_SUBDOMAIN)
    @JsonPropertyDescription("RuntimeClass of the plugin pod, e.g. gvisor or kata. Unset: the platform's configured sandbox runtime.")
    private String runtimeClassName;

    @JsonPropertyDescription("CPU and memory requests and limits.")
    private SandboxResources resources;

    @Size(max = 20)
    @JsonPropertyDescription("Hosts (optionally with :port, or *.domain) the plugin may connect to outside the cluster; everything else is denied. The tenant's app API is always reachable.")
    private List<@Pattern("^(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)+(:[0-9]{1,5})?$") @Size(max = 253) String> egress = new ArrayList<>();

    public String getRuntimeClassName() {
        return runtimeClassName;
    }

    public void setRuntimeClassName(String runtimeClassName) {
        this.runtimeClassName = runtimeClassName;
    }

    public SandboxResources getResources() {
        return resources;
    }

    public void setResources(SandboxResources resources) {
        this.resources = resources;
    }

    public List<String> getEgress() {
        return egress;
    }

    public void setEgress(List<String> egress) {
        this.egress = egress == null ? new ArrayList<>() : egress;
    }
}
