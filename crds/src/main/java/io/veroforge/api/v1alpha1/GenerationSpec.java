package io.veroforge.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * The input of one generator run, frozen when the Generation is created, so that a run can be
 * repeated and audited. Approval is not part of it: see {@link Generation#APPROVE_ANNOTATION}.
 *
 * <p>{@code model} is the generator's resolved domain model serialized as JSON, not the AppSpec's
 * classes: the generator owns that model (it never depends on this module), the resolver adds what
 * the AppSpec does not say (inferred entities and fields, system fields, compliance), and a snapshot
 * must survive changes of the AppSpec schema. The API server therefore keeps it as-is
 * ({@code x-kubernetes-preserve-unknown-fields}) and {@code contentHash} identifies it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "self == oldSelf",
        message = "spec is immutable: a Generation records one run of the generator; change the AppSpec to get a new Generation")
@ValidationRule(value = "has(self.templatePack.revision)",
        message = "spec.templatePack.revision: a Generation records the exact template pack revision it was generated with; set it")
public class GenerationSpec {

    @Required
    @JsonPropertyDescription("The AppSpec and its metadata.generation this run was made from.")
    private AppSpecReference appSpec;

    @Required
    @Pattern("^sha256:[a-f0-9]{64}$")
    @JsonPropertyDescription("sha256 of the canonical JSON of model and templatePack; two Generations with the same hash generate the same code.")
    private String contentHash;

    @Required
    @JsonPropertyDescription("Template pack and the exact revision used.")
    private TemplatePackRef templatePack;

    @Required
    @PreserveUnknownFields
    @JsonPropertyDescription("Snapshot of the resolved domain model (the generator's JSON form), kept verbatim.")
    private JsonNode model;

    @JsonPropertyDescription("The AppSpec's approval policy when this Generation was created.")
    private ApprovalPolicy approvalPolicy;

    public AppSpecReference getAppSpec() {
        return appSpec;
    }

    public void setAppSpec(AppSpecReference appSpec) {
        this.appSpec = appSpec;
    }

    public String getContentHash() {
        return contentHash;
    }

    public void setContentHash(String contentHash) {
        this.contentHash = contentHash;
    }

    public TemplatePackRef getTemplatePack() {
        return templatePack;
    }

    public void setTemplatePack(TemplatePackRef templatePack) {
        this.templatePack = templatePack;
    }

    public JsonNode getModel() {
        return model;
    }

    public void setModel(JsonNode model) {
        this.model = model;
    }

    public ApprovalPolicy getApprovalPolicy() {
        return approvalPolicy;
    }

    public void setApprovalPolicy(ApprovalPolicy approvalPolicy) {
        this.approvalPolicy = approvalPolicy;
    }
}
