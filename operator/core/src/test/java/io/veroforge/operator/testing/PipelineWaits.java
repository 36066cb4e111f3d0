package io.veroforge.operator.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.awaitility.core.ConditionTimeoutException;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.veroforge.api.v1alpha1.Generation;
import io.veroforge.api.v1alpha1.Tenant;
import io.veroforge.api.v1alpha1.TenantOwner;
import io.veroforge.api.v1alpha1.TenantSpec;
import io.veroforge.api.v1alpha1.Tier;

/** What the pipeline tests wait for: a Ready basic Tenant to put apps in, a Generation reaching a state. */
public final class PipelineWaits {
    private final KubernetesClient client;
    private final Duration wait;

    public PipelineWaits(KubernetesClient client, Duration wait) {
        this.client = client;
        this.wait = wait;
    }

    /** A basic-tier Tenant owned by alice, once Ready; returns its namespace. */
    public String readyTenant(String suffix, String displayPrefix) {
        String name = TestPostgres.tenantName(suffix);
        Tenant tenant = new Tenant();
        tenant.setMetadata(new ObjectMetaBuilder().withName(name).build());
        TenantSpec spec = new TenantSpec();
        spec.setTier(Tier.basic);
        spec.setDisplayName(displayPrefix + " " + name);
        spec.setOwners(new ArrayList<>(List.of(new TenantOwner(TenantOwner.OwnerKind.User, "alice@example.com", null))));
        tenant.setSpec(spec);
        client.resource(tenant).create();
        await().atMost(wait).until(() -> client.resources(Tenant.class).withName(name).get(),
                t -> t.getStatus() != null && t.getStatus().isTrue("Ready"));
        return tenant.namespaceName();
    }

    /** The Generation once the condition holds; on a timeout the failure shows its status. */
    public Generation awaitGeneration(String ns, String name, Predicate<Generation> condition) {
        try {
            return await().atMost(wait).until(() -> client.resources(Generation.class).inNamespace(ns).withName(name).get(),
                    g -> g != null && condition.test(g));
        } catch (ConditionTimeoutException e) {
            Generation g = client.resources(Generation.class).inNamespace(ns).withName(name).get();
            throw new AssertionError(name + " never got there; its status is:\n"
                    + (g == null ? "(no such Generation)" : Serialization.asYaml(g.getStatus())), e);
        }
    }

    public static Predicate<Generation> succeeded() {
        return g -> g.getStatus() != null && g.getStatus().isTrue("Succeeded");
    }
}
