package io.veroforge.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * The input of one generator run, frozen when the Generation is created, so that a run can be
 * repeated and audited. Approval is not part of it: see {@link Generation#APPROVE_ANNOTATION}.
 *
 * <p>The model is the generator's resolved domain model serialized as JSON, not the AppSpec's
 * classes: the generator owns that model (it never depends on this module), the resolver adds what
 * the AppSpec does not say (inferred entities and fields, system fields, compliance), and a snapshot
 * must survive changes of the AppSpec schema. It grows with the app (300 entities: 0.86 MB of
 * JSON), so it is kept compressed ({@code compressedModel}, 55 kB for those 300) and
 * {@code contentHash} identifies it. Generations written before kept it verbatim in {@code model};
 * {@link #resolvedModel()} reads either.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "self == oldSelf",
        message = "spec is immutable: a Generation records one run of the generator; change the AppSpec to get a new Generation")
@ValidationRule(value = "has(self.compressedModel) || has(self.model)",
        message = "spec.compressedModel: a Generation records the resolved model it generates from; set it")
@ValidationRule(value = "has(self.templatePack.revision)",
        message = "spec.templatePack.revision: a Generation records the exact template pack revision it was generated with; set it")
public class GenerationSpec {
    /** Base64 characters of {@code compressedModel}: a third of etcd's limit, ~7 times the 300-entity model. */
    public static final int MAX_COMPRESSED_MODEL = 512 * 1024;

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

    @Size(max = MAX_COMPRESSED_MODEL)
    @JsonPropertyDescription("Snapshot of the resolved domain model (the generator's JSON form), gzip-compressed and base64-encoded. "
            + "Read it with: kubectl get generation <name> -o jsonpath='{.spec.compressedModel}' | base64 -d | gunzip")
    private String compressedModel;

    @PreserveUnknownFields
    @JsonPropertyDescription("The same snapshot verbatim, as Generations recorded it before compressedModel; read, no longer written.")
    private JsonNode model;

    @JsonPropertyDescription("Entities in the recorded model.")
    private Integer entities;

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

    /** The recorded model, from {@code compressedModel} or, for older Generations, {@code model}. */
    public JsonNode resolvedModel() {
        return compressedModel != null ? CompressedJson.decode(compressedModel) : model;
    }

    public String getCompressedModel() {
        return compressedModel;
    }

    public void setCompressedModel(String compressedModel) {
        this.compressedModel = compressedModel;
    }

    public Integer getEntities() {
        return entities;
    }

    public void setEntities(Integer entities) {
        this.entities = entities;
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
