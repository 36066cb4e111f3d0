package io.veroforge.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;

/** How much a Generation produced. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ArtifactCounts {
    private Integer files;
    private Integer entities;
    private Integer endpoints;
    private Integer views;

    public Integer getFiles() {
        return files;
    }

    public void setFiles(Integer files) {
        this.files = files;
    }

    public Integer getEntities() {
        return entities;
    }

    public void setEntities(Integer entities) {
        this.entities = entities;
    }

    public Integer getEndpoints() {
        return endpoints;
    }

    public void setEndpoints(Integer endpoints) {
        this.endpoints = endpoints;
    }

    public Integer getViews() {
        return views;
    }

    public void setViews(Integer views) {
        this.views = views;
    }
}
