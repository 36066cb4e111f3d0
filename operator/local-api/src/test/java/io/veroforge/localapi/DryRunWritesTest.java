package io.veroforge.localapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.veroforge.api.v1alpha1.CrdManifests;
import io.veroforge.api.v1alpha1.Tenant;
import io.veroforge.api.v1alpha1.TenantOwner;
import io.veroforge.api.v1alpha1.TenantSpec;
import io.veroforge.api.v1alpha1.Tier;

/** dryRun=All is checked as a real write is and stored never, as kube-apiserver does (the console's preview). */
class DryRunWritesTest {
    static LocalKubernetesApi api;
    static KubernetesClient client;

    @BeforeAll
    static void start() {
        api = LocalKubernetesApi.start(0);
        api.install(CrdManifests.definitions());
        client = api.newClient();
    }

    @AfterAll
    static void stop() {
        client.close();
        api.close();
    }

    @Test
    void aValidDryRunCreateAnswersTheDefaultedObjectAndStoresNothing() {
        Tenant answered = client.resource(tenant("dry-ok", Tier.basic)).dryRun().create();
        assertThat(answered.getSpec().getDeletionPolicy()).hasToString("Retain");
        assertThat(client.resources(Tenant.class).withName("dry-ok").get()).isNull();
    }

    @Test
    void anInvalidDryRunIsRefusedNamingTheField() {
        Tenant noOwners = tenant("dry-bad", Tier.basic);
        noOwners.getSpec().setOwners(List.of());
        KubernetesClientException refused = catchThrowableOfType(KubernetesClientException.class,
                () -> client.resource(noOwners).dryRun().create());
        assertThat(refused.getCode()).isEqualTo(422);
        assertThat(refused.getStatus().getDetails().getCauses()).extracting(c -> c.getField()).contains("spec.owners");
    }

    @Test
    void aDryRunUpdateLeavesTheStoredObjectAsItWas() {
        client.resource(tenant("dry-update", Tier.basic)).create();
        Tenant changed = client.resources(Tenant.class).withName("dry-update").get();
        changed.getSpec().setDisplayName("Renamed");
        client.resource(changed).dryRun().update();
        assertThat(client.resources(Tenant.class).withName("dry-update").get().getSpec().getDisplayName()).isNull();
    }

    @Test
    void aDryRunMergePatchLeavesTheStoredObjectAsItWas() {
        client.resource(tenant("dry-patch", Tier.basic)).create();
        Tenant answered = client.resources(Tenant.class).withName("dry-patch").dryRun().patch(
                io.fabric8.kubernetes.client.dsl.base.PatchContext.of(io.fabric8.kubernetes.client.dsl.base.PatchType.JSON_MERGE),
                "{\"metadata\":{\"annotations\":{\"veroforge.io/example\":\"yes\"}}}");
        assertThat(answered.getMetadata().getAnnotations()).containsEntry("veroforge.io/example", "yes");
        assertThat(client.resources(Tenant.class).withName("dry-patch").get().getMetadata().getAnnotations()).isNullOrEmpty();
    }

    private static Tenant tenant(String name, Tier tier) {
        Tenant tenant = new Tenant();
        tenant.setMetadata(new ObjectMetaBuilder().withName(name).build());
        TenantSpec spec = new TenantSpec();
        spec.setTier(tier);
        spec.setOwners(List.of(new TenantOwner(TenantOwner.OwnerKind.User, "alice@example.com", null)));
        tenant.setSpec(spec);
        return tenant;
    }
}
