package io.veroforge.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The places the templates cannot fill alone (business rules, validations, seed data) and who
 * filled them, so a reader sees how much of the code came from a language model.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GapCounts {
    private Integer filledByAi;
    /** Filled with the template's generic default. */
    private Integer templateOnly;
    /** Left as a marked TODO for a developer. */
    private Integer unfilled;
    /** Why AI was not used when it was enabled (no model configured, model failed three times, budget). */
    private String aiFallbackReason;

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
}
