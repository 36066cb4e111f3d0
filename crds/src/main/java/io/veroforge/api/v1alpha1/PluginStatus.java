package io.veroforge.api.v1alpha1;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What the plugin was actually allowed and where it answers. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PluginStatus extends ConditionedStatus {
    /** Scopes granted; fewer than requested when an entity does not exist or a policy forbids an action. */
    private List<PluginScope> grantedScopes = new ArrayList<>();
    /** In-cluster URL of the plugin's service. */
    private String endpoint;

    public List<PluginScope> getGrantedScopes() {
        return grantedScopes;
    }

    public void setGrantedScopes(List<PluginScope> grantedScopes) {
        this.grantedScopes = grantedScopes == null ? new ArrayList<>() : grantedScopes;
    }

    public String getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }
}
