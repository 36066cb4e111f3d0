package io.veroforge.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

/**
 * Whether the generator may ask a language model to fill gaps the templates leave (business rules,
 * validations, seed data). Without a model, or when it fails, generation is template-only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AiSettings {

    @Default("true")
    @JsonPropertyDescription("Let the AI fill gaps (default true). With false every gap stays template-only.")
    private Boolean enabled = Boolean.TRUE;

    @Size(max = 63)
    @Pattern(NamePatterns.DNS_LABEL)
    @JsonPropertyDescription("Name of a model the platform owner configured (e.g. default, fast, local); unset: the platform default.")
    private String model;

    @Default("20")
    @Min(0)
    @Max(200)
    @JsonPropertyDescription("At most this many gaps are sent to the model per Generation (default 20); the rest stay template-only. Bounds cost and latency.")
    private Integer maxGapsPerGeneration = 20;

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public Integer getMaxGapsPerGeneration() {
        return maxGapsPerGeneration;
    }

    public void setMaxGapsPerGeneration(Integer maxGapsPerGeneration) {
        this.maxGapsPerGeneration = maxGapsPerGeneration;
    }
}
