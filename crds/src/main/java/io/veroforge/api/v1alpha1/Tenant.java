package io.veroforge.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A customer of the platform: an isolated namespace {@code tenant-<name>} and a PostgreSQL home
 * (schema, database or cluster, by tier). Cluster-scoped because it owns a namespace.
 *
 * <p>The name is capped at 40 characters so that every derived name stays legal: the namespace
 * {@code tenant-<name>} (63 for a DNS label) and the PostgreSQL schema, role and database names
 * {@code tenant_<name>_…} (63 bytes for an identifier).
 */
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
@ShortNames({"tn", "tenants-vf"})
@Categories(ApiGroup.CATEGORY)
@ValidationRule(value = "has(self.spec)", message = "spec is required: give at least tier and owners")
@ValidationRule(value = "self.metadata.name.size() <= 40",
        message = "metadata.name: at most 40 characters, so that tenant-<name> and the database names derived from it stay within Kubernetes and PostgreSQL limits")
@ValidationRule(value = "self.metadata.name.matches('^[a-z]([a-z0-9-]*[a-z0-9])?$')",
        message = "metadata.name: lower-case letters, digits and '-', starting with a letter and ending with a letter or digit (e.g. acme-pest)")
@AdditionalPrinterColumn(name = "Tier", jsonPath = ".spec.tier", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Namespace", jsonPath = ".status.namespace", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Reason", jsonPath = ".status.conditions[?(@.type==\"Ready\")].reason", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class Tenant extends CustomResource<TenantSpec, TenantStatus> {

    /** The namespace every tenant gets. */
    public String namespaceName() {
        return "tenant-" + getMetadata().getName();
    }
}
