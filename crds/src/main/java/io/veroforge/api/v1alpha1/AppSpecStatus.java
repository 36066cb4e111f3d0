package io.veroforge.api.v1alpha1;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/** What the operator reports for an app: the resolved model and which Generation runs where. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AppSpecStatus extends ConditionedStatus {
    private ResolvedModelSummary resolved;
    /** Name of the newest Generation (created for the current spec). */
    private String latestGeneration;
    /** Name of the Generation whose revision is serving traffic. */
    private String deployedGeneration;
    /** Where users reach the app. */
    private String appUrl;
    /** Git repository holding the generated code. */
    private String repository;
    /**
     * What the spec is accepted with but probably did not mean (an unknown vertical, a field the
     * ontology overrides), each with its path and the fix; the Resolved condition counts them.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    private List<String> warnings = new ArrayList<>();
    /**
     * The resolved model of a draft ({@code spec.draft: true}), as base64 of its gzip JSON like a Generation's
     * {@code spec.compressedModel}: entities, fields and relations, each with its origin. Absent when not a draft.
     */
    private String preview;
    /**
     * Up to three other apps of this namespace that serve a similar business (requirements and model
     * compared as sentence embeddings), nearest first, each at least 0.5 alike.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    private List<SimilarApp> similarApps = new ArrayList<>();

    public ResolvedModelSummary getResolved() {
        return resolved;
    }

    public void setResolved(ResolvedModelSummary resolved) {
        this.resolved = resolved;
    }

    public String getLatestGeneration() {
        return latestGeneration;
    }

    public void setLatestGeneration(String latestGeneration) {
        this.latestGeneration = latestGeneration;
    }

    public String getDeployedGeneration() {
        return deployedGeneration;
    }

    public void setDeployedGeneration(String deployedGeneration) {
        this.deployedGeneration = deployedGeneration;
    }

    public String getAppUrl() {
        return appUrl;
    }

    public void setAppUrl(String appUrl) {
        this.appUrl = appUrl;
    }

    public String getRepository() {
        return repository;
    }

    public void setRepository(String repository) {
        this.repository = repository;
    }

    public List<String> getWarnings() {
        return warnings;
    }

    public void setWarnings(List<String> warnings) {
        this.warnings = warnings == null ? new ArrayList<>() : warnings;
    }

    public String getPreview() {
        return preview;
    }

    public void setPreview(String preview) {
        this.preview = preview;
    }

    public List<SimilarApp> getSimilarApps() {
        return similarApps;
    }

    public void setSimilarApps(List<SimilarApp> similarApps) {
        this.similarApps = similarApps == null ? new ArrayList<>() : similarApps;
    }

    /** The previewed model (the resolver's {@code ResolvedModel} as JSON), or null when there is none. */
    public JsonNode previewModel() {
        return preview == null ? null : CompressedJson.decode(preview);
    }
}
