package io.veroforge.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * Who wrote one AI-filled gap and how it was accepted, so a reviewer can trace the code in Git
 * (whose file header says the same) back to a model and a prompt.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GapFillProvenance {
    @JsonPropertyDescription("The gap's id, e.g. business-rule-requirements-0 (its handler is api/src/gaps/<gap>.gap.ts).")
    private String gap;
    @JsonPropertyDescription("Provider and model that wrote the body, e.g. openai:gpt-4o-mini.")
    private String model;
    @JsonPropertyDescription("sha256 of the prompt (the gap's contract); equal prompts are answered from the fill cache.")
    private String promptHash;
    @JsonPropertyDescription("Answers it took until one passed validation (1 to 3).")
    private Integer attempts;
    @JsonPropertyDescription("The model's own confidence in the body, 0 to 1.")
    private Double confidence;
    @JsonPropertyDescription("True when the fill came from the platform's fill cache (validated when it was first accepted).")
    private Boolean cached;

    public String getGap() {
        return gap;
    }

    public void setGap(String gap) {
        this.gap = gap;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public String getPromptHash() {
        return promptHash;
    }

    public void setPromptHash(String promptHash) {
        this.promptHash = promptHash;
    }

    public Integer getAttempts() {
        return attempts;
    }

    public void setAttempts(Integer attempts) {
        this.attempts = attempts;
    }

    public Double getConfidence() {
        return confidence;
    }

    public void setConfidence(Double confidence) {
        this.confidence = confidence;
    }

    public Boolean getCached() {
        return cached;
    }

    public void setCached(Boolean cached) {
        this.cached = cached;
    }
}
