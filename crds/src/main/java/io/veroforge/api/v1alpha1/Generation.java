package io.veroforge.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * One immutable run of the generator for an {@link AppSpec}, which owns it.
 *
 * <p>Because the spec cannot change, a decision about a waiting Generation is an annotation:
 * <pre>
 * kubectl annotate generation pest-control-7 veroforge.io/approve=alice
 * kubectl annotate generation pest-control-7 veroforge.io/reject=alice veroforge.io/reject-reason="drops visits.notes"
 * </pre>
 * The operator copies the value into {@code status.approval.by}. Who may approve is decided by RBAC
 * on {@code generations} ({@code patch}); the annotation value is what the approver says about
 * themselves, so grant that verb only to people trusted to approve.
 */
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
@ShortNames({"gen", "vfgen"})
@Categories(ApiGroup.CATEGORY)
@ValidationRule(value = "has(self.spec)", message = "spec is required: a Generation is created by the operator from an AppSpec")
@AdditionalPrinterColumn(name = "AppSpec", jsonPath = ".spec.appSpec.name", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Stage", jsonPath = ".status.stage", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Approval", jsonPath = ".status.approval.state", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Succeeded", jsonPath = ".status.conditions[?(@.type==\"Succeeded\")].status", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Reason", jsonPath = ".status.conditions[?(@.type==\"Succeeded\")].reason", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Commit", jsonPath = ".status.commit.sha", type = AdditionalPrinterColumn.Type.STRING, priority = 1)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class Generation extends CustomResource<GenerationSpec, GenerationStatus> implements Namespaced {
    /** Set to the approving user's name to let a waiting Generation migrate and deploy. */
    public static final String APPROVE_ANNOTATION = ApiGroup.GROUP + "/approve";
    /** Set to the rejecting user's name to stop a waiting Generation for good. */
    public static final String REJECT_ANNOTATION = ApiGroup.GROUP + "/reject";
    /** Optional free text explaining a rejection; copied into {@code status.approval.reason}. */
    public static final String REJECT_REASON_ANNOTATION = ApiGroup.GROUP + "/reject-reason";
    /**
     * Optional free text explaining an approval (the console asks for it). The operator does not read it: it stays
     * on the Generation beside {@link #APPROVE_ANNOTATION} for whoever audits the decision.
     */
    public static final String APPROVE_REASON_ANNOTATION = ApiGroup.GROUP + "/approve-reason";
    /** Label carrying the owning AppSpec's name, for {@code kubectl get gen -l veroforge.io/appspec=<name>}. */
    public static final String APPSPEC_LABEL = ApiGroup.GROUP + "/appspec";
    /** On every object built or deployed for one Generation: its name. */
    public static final String GENERATION_LABEL = ApiGroup.GROUP + "/generation";
    /** On build Jobs only: the component the Job builds. */
    public static final String BUILD_LABEL = ApiGroup.GROUP + "/build";
}
