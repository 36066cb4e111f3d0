package io.veroforge.api.v1alpha1;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** How and where a Generation was deployed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DeploymentStatus {
    private DeliveryMode mode;
    /** Applied, Synced, Promoted, RolledBack or Failed, with the Canary's name when one ran. */
    private String result;
    private String url;
    /** The images deployed, one per component ({@code <registry>/<tenant>/<app>-<component>:<commit>}). */
    private List<String> images = new ArrayList<>();
    /** Objects applied (kind/name), or the ArgoCD Application in gitops mode. */
    private List<String> objects = new ArrayList<>();
    /** Objects of an earlier Generation this one no longer has, deleted (kind/name). */
    private List<String> pruned = new ArrayList<>();

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

    public List<String> getImages() {
        return images;
    }

    public void setImages(List<String> images) {
        this.images = images == null ? new ArrayList<>() : images;
    }

    public List<String> getObjects() {
        return objects;
    }

    public void setObjects(List<String> objects) {
        this.objects = objects == null ? new ArrayList<>() : objects;
    }

    public List<String> getPruned() {
        return pruned;
    }

    public void setPruned(List<String> pruned) {
        this.pruned = pruned == null ? new ArrayList<>() : pruned;
    }
}
