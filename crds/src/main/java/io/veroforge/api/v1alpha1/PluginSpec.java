package io.veroforge.api.v1alpha1;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * A marketplace plugin to install into the tenant. The image must be pinned by digest so that what
 * was reviewed is what runs; scopes are requested here and granted (possibly fewer) in status.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@ValidationRule(value = "!has(self.scopes) || self.scopes.all(s, self.scopes.exists_one(o, o.entity == s.entity))",
        message = "spec.scopes[].entity: list each entity once, with all its actions")
public class PluginSpec {

    @Required
    @Size(min = 1, max = 512)
    @ValidationRule(value = "self.matches('^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(/[a-z0-9]+([._-][a-z0-9]+)*)*(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?@sha256:[a-f0-9]{64}$')",
            message = "spec.image: must be pinned by digest, e.g. registry.example.com/plugins/invoice-pdf@sha256:<64 hex digits>; a tag alone can change after review")
    @JsonPropertyDescription("Container image pinned by digest: <repository>[:tag]@sha256:<64 hex digits>.")
    private String image;

    @Required
    @Size(min = 1, max = 64)
    @Pattern("^v?[0-9]+\\.[0-9]+\\.[0-9]+([-+][0-9A-Za-z.-]+)?$")
    @JsonPropertyDescription("Semantic version of the plugin, e.g. 1.4.2.")
    private String version;

    @Size(max = 63)
    @Pattern(NamePatterns.DNS_LABEL)
    @JsonPropertyDescription("AppSpec (same namespace) whose entities the scopes refer to. Unset: every app of the tenant that has the entity.")
    private String appSpec;

    @Size(max = 50)
    @JsonPropertyDescription("Entities and actions the plugin asks for. Nothing else of the tenant's data is reachable.")
    private List<PluginScope> scopes = new ArrayList<>();

    @JsonPropertyDescription("Runtime, resources and network egress of the plugin.")
    private PluginSandbox sandbox;

    @Size(max = 50)
    @JsonPropertyDescription("Settings passed to the plugin as environment-style key/value pairs (keys: letters, digits, '_', '.', '-'). Secrets do not belong here.")
    private Map<String, @Size(max = 4096) String> config = new TreeMap<>();

    public String getImage() {
        return image;
    }

    public void setImage(String image) {
        this.image = image;
    }

    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }

    public String getAppSpec() {
        return appSpec;
    }

    public void setAppSpec(String appSpec) {
        this.appSpec = appSpec;
    }

    public List<PluginScope> getScopes() {
        return scopes;
    }

    public void setScopes(List<PluginScope> scopes) {
        this.scopes = scopes == null ? new ArrayList<>() : scopes;
    }

    public PluginSandbox getSandbox() {
        return sandbox;
    }

    public void setSandbox(PluginSandbox sandbox) {
        this.sandbox = sandbox;
    }

    public Map<String, String> getConfig() {
        return config;
    }

    public void setConfig(Map<String, String> config) {
        this.config = config == null ? new TreeMap<>() : config;
    }
}
