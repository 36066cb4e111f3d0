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
 * A marketplace plugin installed into a tenant namespace, running in a sandbox with explicit
 * permission scopes. The name is capped at 40 characters because the plugin's Deployment, Service
 * and API token Secret derive their names from it.
 */
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
@ShortNames({"vfplugin", "plg"})
@Categories(ApiGroup.CATEGORY)
@ValidationRule(value = "has(self.spec)", message = "spec is required: give image and version")
@ValidationRule(value = "self.metadata.name.size() <= 40",
        message = "metadata.name: at most 40 characters, so that the names of the plugin's Deployment, Service and Secret stay within limits")
@ValidationRule(value = "self.metadata.name.matches('^[a-z]([a-z0-9-]*[a-z0-9])?$')",
        message = "metadata.name: lower-case letters, digits and '-', starting with a letter and ending with a letter or digit (e.g. invoice-pdf)")
@AdditionalPrinterColumn(name = "Version", jsonPath = ".spec.version", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Endpoint", jsonPath = ".status.endpoint", type = AdditionalPrinterColumn.Type.STRING, priority = 1)
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Reason", jsonPath = ".status.conditions[?(@.type==\"Ready\")].reason", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class Plugin extends CustomResource<PluginSpec, PluginStatus> implements Namespaced {
}
