package io.veroforge.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** A progressive rollout of a new app revision, promoted or rolled back by the KPI gate. */
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
@Plural("canaries")
@ShortNames({"vfcanary", "vfc"})
@Categories(ApiGroup.CATEGORY)
@ValidationRule(value = "has(self.spec)", message = "spec is required: give target, steps and kpis")
@AdditionalPrinterColumn(name = "AppSpec", jsonPath = ".spec.target.appSpec", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Deployment", jsonPath = ".spec.target.deployment", type = AdditionalPrinterColumn.Type.STRING, priority = 1)
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Step", jsonPath = ".status.currentStep", type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "Weight", jsonPath = ".status.currentWeight", type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "Score", jsonPath = ".status.lastEvaluation.score", type = AdditionalPrinterColumn.Type.NUMBER)
@AdditionalPrinterColumn(name = "Recommendation", jsonPath = ".status.lastEvaluation.recommendation", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class Canary extends CustomResource<CanarySpec, CanaryStatus> implements Namespaced {
    /**
     * A person's promote or abort ({@code promote}, {@code abort}): the operator reads it at its next reconcile,
     * removes it, and records the decision in {@code status.decisions}.
     */
    public static final String ACTION_ANNOTATION = ApiGroup.GROUP + "/canary-action";
    /** Who asked for {@link #ACTION_ANNOTATION}; recorded as the decision's {@code by}. */
    public static final String ACTOR_ANNOTATION = ApiGroup.GROUP + "/canary-actor";
}
