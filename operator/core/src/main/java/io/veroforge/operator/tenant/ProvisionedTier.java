package io.veroforge.operator.tenant;

import java.util.Optional;

import io.veroforge.api.v1alpha1.Tenant;
import io.veroforge.api.v1alpha1.Tier;

/**
 * The tier a Tenant's data was provisioned for, read from what status says was provisioned
 * ({@code status.database.kind}, written from {@link DatabaseLocation}). spec.tier may differ
 * where the API server did not enforce its immutability; the data stays where this says.
 */
final class ProvisionedTier {
    private ProvisionedTier() {
    }

    static Optional<Tier> of(Tenant tenant) {
        if (tenant.getStatus() == null || tenant.getStatus().getDatabase() == null
                || tenant.getStatus().getDatabase().getKind() == null) {
            return Optional.empty();
        }
        return switch (tenant.getStatus().getDatabase().getKind()) {
            case "Schema" -> Optional.of(Tier.basic);
            case "Database" -> Optional.of(Tier.pro);
            case "Cluster" -> Optional.of(Tier.enterprise);
            default -> Optional.empty();
        };
    }
}
