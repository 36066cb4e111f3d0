package io.veroforge.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;

/** How and where a Generation was deployed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DeploymentStatus {
    private DeliveryMode mode;
    /** Applied, Synced, Promoted, RolledBack or Failed, with the Canary's name when one ran. */
    private String result;
    private String url;

    public DeliveryMode getMode() {
        return mode;
    }

    public void setMode(DeliveryMode mode) {
        this.mode = mode;
    }

    public String getResult() {
        return result;
    }

    public void setResult(String result) {
        this.result = result;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }
}
