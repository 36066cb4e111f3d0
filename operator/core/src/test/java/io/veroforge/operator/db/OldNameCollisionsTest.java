package io.veroforge.operator.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The start-up check's name matching: which existing Tenants and apps the old app-schema names made share a schema. */
class OldNameCollisionsTest {

    @Test
    void findsBothOrdersOfTheIssue() {
        List<OldNameCollisions.Collision> collisions = OldNameCollisions.among(List.of("acme", "acme-studio", "acme-billing", "other"),
                Map.of("acme", List.of("studio", "billing", "shop"), "other", List.of("studio")));

        assertThat(collisions).containsExactlyInAnyOrder(
                new OldNameCollisions.Collision("tenant_acme_studio", "acme-studio", "acme", "studio"),
                new OldNameCollisions.Collision("tenant_acme_billing", "acme-billing", "acme", "billing"));
        assertThat(collisions.get(0).message()).contains("Tenant acme-studio").contains("app studio of Tenant acme")
                .contains("docs/tenants.md#name-conflicts");
        assertThat(collisions.get(0).concerns("acme")).isTrue();
        assertThat(collisions.get(0).concerns("acme-studio")).isTrue();
        assertThat(collisions.get(0).concerns("other")).isFalse();
    }

    @Test
    void findsNothingWhenNoTenantIsCalledLikeAnotherTenantsApp() {
        assertThat(OldNameCollisions.among(List.of("acme", "globex"), Map.of("acme", List.of("studio"), "globex", List.of("studio"))))
                .isEmpty();
    }
}
