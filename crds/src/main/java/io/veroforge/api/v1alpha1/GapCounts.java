package io.veroforge.api.v1alpha1;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * The places the templates cannot fill alone (business rules, validations, seed data) and who
 * filled them, so a reader sees how much of the code came from a language model.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GapCounts {
    @JsonPropertyDescription("Gaps whose code a model wrote and validation accepted (they make the Generation risky under auto-unless-risky).")
    private Integer filledByAi;
    /** Filled with the template's generic default. */
    private Integer templateOnly;
    /** Left as a marked TODO for a developer. */
    private Integer unfilled;
    /**
     * Why AI was not used, or not for every gap, when a model is configured and the AppSpec allows it: a
     * CamelCase reason (ProviderServerError, ProviderCircuitOpen, AiBudgetExceeded, …), also the reason
     * of the Generation's AiDegraded condition.
     */
    @JsonPropertyDescription("Why AI did not fill every gap it was asked for (e.g. ProviderServerError, AiBudgetExceeded); the reason of the AiDegraded condition.")
    private String aiFallbackReason;
    /** What happened, naming the provider and the cause (never the key or the prompt). */
    @JsonPropertyDescription("What happened when AI did not fill every gap it was asked for, naming the provider and the cause.")
    private String aiFallbackMessage;
    /** Requests sent to the model for this Generation (each attempt of a gap is one). */
    @JsonPropertyDescription("Requests sent to the model for this Generation (each attempt of a gap is one).")
    private Integer aiCalls;
    /** Tokens (prompt + answer) the provider reported for those requests. */
    @JsonPropertyDescription("Tokens (prompt + answer) the provider reported for those requests.")
    private Long aiTokens;
    /** Gaps answered from the platform's fill cache, without a request. */
    @JsonPropertyDescription("Gaps answered from the platform's fill cache, without a request.")
    private Integer aiCacheHits;
    /** One entry per AI-filled gap: model, prompt hash, attempts, confidence. */
    @JsonPropertyDescription("One entry per AI-filled gap: model, prompt hash, attempts, confidence.")
    @JsonInclude(JsonInclude.Include.NON_EMPTY) // a template-only Generation's status stays as it was
    private List<GapFillProvenance> filled = new ArrayList<>();

    public Integer getFilledByAi() {
        return filledByAi;
    }

    public void setFilledByAi(Integer filledByAi) {
        this.filledByAi = filledByAi;
    }

    public Integer getTemplateOnly() {
        return templateOnly;
    }

    public void setTemplateOnly(Integer templateOnly) {
        this.templateOnly = templateOnly;
    }

    public Integer getUnfilled() {
        return unfilled;
    }

    public void setUnfilled(Integer unfilled) {
        this.unfilled = unfilled;
    }

    public String getAiFallbackReason() {
        return aiFallbackReason;
    }

    public void setAiFallbackReason(String aiFallbackReason) {
        this.aiFallbackReason = aiFallbackReason;
    }

    public String getAiFallbackMessage() {
        return aiFallbackMessage;
    }

    public void setAiFallbackMessage(String aiFallbackMessage) {
        this.aiFallbackMessage = aiFallbackMessage;
    }

    public Integer getAiCalls() {
        return aiCalls;
    }

    public void setAiCalls(Integer aiCalls) {
        this.aiCalls = aiCalls;
    }

    public Long getAiTokens() {
        return aiTokens;
    }

    public void setAiTokens(Long aiTokens) {
        this.aiTokens = aiTokens;
    }

    public Integer getAiCacheHits() {
        return aiCacheHits;
    }

    public void setAiCacheHits(Integer aiCacheHits) {
        this.aiCacheHits = aiCacheHits;
    }

    public List<GapFillProvenance> getFilled() {
        return filled;
    }

    public void setFilled(List<GapFillProvenance> filled) {
        this.filled = filled == null ? new ArrayList<>() : filled;
    }
}
