package io.veroforge.console.tenants;

import io.veroforge.api.v1alpha1.Tenant;
import io.veroforge.console.writes.YamlInput;
import io.veroforge.console.writes.YamlInput.UnreadableYaml;

/** Reads the YAML a user edited as one Tenant with a spec. */
final class TenantYamlInput {
    private TenantYamlInput() {
    }

    static Tenant parse(String yaml) {
        Tenant tenant = YamlInput.parse(yaml, Tenant.class);
        if (tenant.getSpec() == null) {
            throw new UnreadableYaml("metadata.name and spec are required");
        }
        return tenant;
    }
}
