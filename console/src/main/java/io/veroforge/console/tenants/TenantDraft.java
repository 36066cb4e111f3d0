package io.veroforge.console.tenants;

import java.util.ArrayList;
import java.util.List;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.veroforge.api.v1alpha1.DeletionPolicy;
import io.veroforge.api.v1alpha1.Tenant;
import io.veroforge.api.v1alpha1.TenantOwner;
import io.veroforge.api.v1alpha1.TenantOwner.OwnerKind;
import io.veroforge.api.v1alpha1.TenantSpec;
import io.veroforge.api.v1alpha1.Tier;
import io.veroforge.console.writes.DraftRefused;
import io.veroforge.console.writes.FieldProblem;

/**
 * The create form's fields, turned into the Tenant they describe. Values are passed through as typed (an unknown
 * tier stays unknown) so that the API server's dry-run, not the console, says what is wrong and where.
 */
public record TenantDraft(String name, String displayName, String tier, String ownerUser, String ownerGroup,
        String deletionPolicy, String ttl) {

    public Tenant toTenant() {
        TenantSpec spec = new TenantSpec();
        spec.setDisplayName(blankToNull(displayName));
        spec.setTier(enumOrNull(Tier.class, tier, "spec.tier"));
        List<TenantOwner> owners = new ArrayList<>();
        if (blankToNull(ownerUser) != null) {
            owners.add(new TenantOwner(OwnerKind.User, ownerUser.trim(), null));
        }
        if (blankToNull(ownerGroup) != null) {
            owners.add(new TenantOwner(OwnerKind.Group, ownerGroup.trim(), null));
        }
        spec.setOwners(owners);
        spec.setDeletionPolicy(enumOrNull(DeletionPolicy.class, deletionPolicy, "spec.deletionPolicy"));
        spec.setTtl(blankToNull(ttl));
        Tenant tenant = new Tenant();
        tenant.setMetadata(new ObjectMetaBuilder().withName(name == null ? "" : name.trim()).build());
        tenant.setSpec(spec);
        return tenant;
    }

    public String yaml() {
        return TenantYaml.write(toTenant());
    }

    public static TenantDraft of(Tenant tenant) {
        TenantSpec spec = tenant.getSpec() == null ? new TenantSpec() : tenant.getSpec();
        String user = spec.getOwners().stream().filter(o -> o.getKind() == OwnerKind.User).map(TenantOwner::getName)
                .findFirst().orElse("");
        String group = spec.getOwners().stream().filter(o -> o.getKind() == OwnerKind.Group).map(TenantOwner::getName)
                .findFirst().orElse("");
        return new TenantDraft(tenant.getMetadata() == null ? "" : tenant.getMetadata().getName(),
                spec.getDisplayName(), spec.getTier() == null ? "basic" : spec.getTier().name(), user, group,
                spec.getDeletionPolicy() == null ? "Retain" : spec.getDeletionPolicy().name(), spec.getTtl());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value.trim())) {
                return constant;
            }
        }
        throw new DraftRefused(new FieldProblem(field, "'" + value + "' is not one of " + List.of(type.getEnumConstants())));
    }

    /** Kept apart so the YAML shown is exactly the object sent. */
    static final class TenantYaml {
        private TenantYaml() {
        }

        static String write(Tenant tenant) {
            tenant.setApiVersion("veroforge.io/v1alpha1");
            tenant.setKind("Tenant");
            return Serialization.asYaml(tenant);
        }
    }
}
