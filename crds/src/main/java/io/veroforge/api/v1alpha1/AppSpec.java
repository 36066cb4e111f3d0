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
 * An app a tenant wants, declared in the tenant's namespace. Each change of its spec produces a new
 * {@link Generation}. The name is capped at 40 characters because the app's Deployment, Service,
 * Git repository and database objects derive their names from it.
 */
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
@ShortNames({"aps", "vfapp"})
@Categories(ApiGroup.CATEGORY)
@ValidationRule(value = "has(self.spec)", message = "spec is required: give at least requirements, a vertical or an entity")
@ValidationRule(value = "self.metadata.name.size() <= 40",
        message = "metadata.name: at most 40 characters, so that the names of the app's Deployment, repository and database objects stay within limits")
@ValidationRule(value = "self.metadata.name.matches('^[a-z]([a-z0-9-]*[a-z0-9])?$')",
        message = "metadata.name: lower-case letters, digits and '-', starting with a letter and ending with a letter or digit (e.g. pest-control)")
@AdditionalPrinterColumn(name = "Vertical", jsonPath = ".spec.vertical", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Latest", jsonPath = ".status.latestGeneration", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Deployed", jsonPath = ".status.deployedGeneration", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "URL", jsonPath = ".status.appUrl", type = AdditionalPrinterColumn.Type.STRING, priority = 1)
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Reason", jsonPath = ".status.conditions[?(@.type==\"Ready\")].reason", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class AppSpec extends CustomResource<AppSpecSpec, AppSpecStatus> implements Namespaced {
}
