package io.veroforge.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** The AppSpec, and the exact version of its spec ({@code metadata.generation}), a Generation was made from. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AppSpecReference {

    @Required
    @Size(min = 1, max = 63)
    @Pattern(NamePatterns.DNS_LABEL)
    @JsonPropertyDescription("Name of the AppSpec in the same namespace.")
    private String name;

    @Required
    @Min(1)
    @JsonPropertyDescription("The AppSpec's metadata.generation this Generation was made from.")
    private Long generation;

    public AppSpecReference() {
    }

    public AppSpecReference(String name, Long generation) {
        this.name = name;
        this.generation = generation;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Long getGeneration() {
        return generation;
    }

    public void setGeneration(Long generation) {
        this.generation = generation;
    }
}
