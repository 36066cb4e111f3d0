package io.veroforge.console.tenants;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.veroforge.api.v1alpha1.Tenant;

/** Reads the YAML a user edited; anything but one Tenant is refused with what was found instead. */
final class TenantYamlInput {
    private TenantYamlInput() {
    }

    static Tenant parse(String yaml) {
        if (yaml == null || yaml.isBlank()) {
            throw new UnreadableYaml("the YAML is empty: paste a Tenant (apiVersion veroforge.io/v1alpha1, kind Tenant)");
        }
        Tenant tenant;
        try {
            java.util.Map<?, ?> fields = Serialization.unmarshal(yaml, java.util.Map.class);
            if (fields == null || !"Tenant".equals(fields.get("kind"))
                    || !"veroforge.io/v1alpha1".equals(fields.get("apiVersion"))) {
                throw new UnreadableYaml("apiVersion must be veroforge.io/v1alpha1 and kind Tenant, found "
                        + (fields == null ? "nothing" : fields.get("apiVersion") + " " + fields.get("kind")));
            }
            tenant = Serialization.unmarshal(yaml, Tenant.class);
        } catch (UnreadableYaml refused) {
            throw refused;
        } catch (RuntimeException unreadable) {
            throw new UnreadableYaml("not readable as a Tenant: " + rootMessage(unreadable));
        }
        if (tenant.getMetadata() == null || tenant.getSpec() == null) {
            throw new UnreadableYaml("metadata.name and spec are required");
        }
        return tenant;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    static final class UnreadableYaml extends IllegalArgumentException {
        UnreadableYaml(String message) {
            super(message);
        }
    }
}
