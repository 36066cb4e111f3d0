package io.veroforge.api.v1alpha1;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The size of the domain model after the resolver merged declarations, requirements and ontology. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ResolvedModelSummary {
    private Integer entities;
    /** Entities the resolver added that the AppSpec did not declare. */
    private Integer inferredEntities;
    private Integer endpoints;
    private Integer views;
    private Integer workflows;
    /** Regimes in force: hipaa, pci, gdpr (from tenant, AppSpec, vertical and field markers). */
    private List<String> compliance = new ArrayList<>();

    public Integer getEntities() {
        return entities;
    }

    public void setEntities(Integer entities) {
        this.entities = entities;
    }

    public Integer getInferredEntities() {
        return inferredEntities;
    }

    public void setInferredEntities(Integer inferredEntities) {
        this.inferredEntities = inferredEntities;
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

    public Integer getWorkflows() {
        return workflows;
    }

    public void setWorkflows(Integer workflows) {
        this.workflows = workflows;
    }

    public List<String> getCompliance() {
        return compliance;
    }

    public void setCompliance(List<String> compliance) {
        this.compliance = compliance == null ? new ArrayList<>() : compliance;
    }
}
