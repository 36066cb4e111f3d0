package io.veroforge.console.playground;

import java.security.SecureRandom;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.veroforge.api.v1alpha1.AppSpec;
import io.veroforge.api.v1alpha1.AppSpecSpec;
import io.veroforge.api.v1alpha1.DeletionPolicy;
import io.veroforge.api.v1alpha1.Generation;
import io.veroforge.api.v1alpha1.Tenant;
import io.veroforge.api.v1alpha1.TenantOwner;
import io.veroforge.api.v1alpha1.TenantQuota;
import io.veroforge.api.v1alpha1.TenantSpec;
import io.veroforge.api.v1alpha1.Tier;
import io.veroforge.console.access.ClusterClients;

/**
 * The playground's demo Tenants, written and read with the console's own client (nobody is signed in): a Tenant
 * {@code demo-<random>} labelled {@value #LABEL}, basic tier, small quota, {@code deletionPolicy: Delete} and the
 * configured TTL, holding the description until its namespace exists; then one AppSpec {@value #APP} from it. Only
 * labelled Tenants are ever found here, so a playground URL never opens a customer's Tenant.
 */
@ApplicationScoped
public class DemoTenants {
    public static final String LABEL = "veroforge.io/playground";
    static final String DESCRIPTION_ANNOTATION = "veroforge.io/playground-description";
    static final String APP = "idea";
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ClusterClients clients;
    private final PlaygroundSettings settings;

    @Inject
    public DemoTenants(ClusterClients clients, PlaygroundSettings settings) {
        this.clients = clients;
        this.settings = settings;
    }

    /** Demo Tenants alive now: labelled, not being deleted. */
    public long alive() {
        return client().resources(Tenant.class).withLabel(LABEL, "true").list().getItems().stream()
                .filter(t -> t.getMetadata().getDeletionTimestamp() == null).count();
    }

    /**
     * A new demo Tenant for {@code description}, or why not. Checked and created under one lock, so two requests at
     * once cannot both take the last place (one console replica; with more, the cap may be passed by the number of
     * replicas at most).
     */
    public synchronized Tenant create(String description) {
        long alive = alive();
        if (alive >= settings.maxDemoTenants()) {
            throw new Full(alive);
        }
        TenantSpec spec = new TenantSpec();
        spec.setDisplayName("Playground demo");
        spec.setTier(Tier.basic);
        spec.setOwners(List.of(new TenantOwner(TenantOwner.OwnerKind.Group, settings.ownerGroup(), null)));
        spec.setTtl(settings.ttl());
        spec.setDeletionPolicy(DeletionPolicy.Delete);
        TenantQuota quota = new TenantQuota();
        quota.setCpu(new Quantity(settings.quota().cpu()));
        quota.setMemory(new Quantity(settings.quota().memory()));
        quota.setPods(settings.quota().pods());
        spec.setQuota(quota);
        Tenant tenant = new Tenant();
        tenant.setMetadata(new ObjectMetaBuilder().withName("demo-" + randomName()).withLabels(Map.of(LABEL, "true"))
                .withAnnotations(Map.of(DESCRIPTION_ANNOTATION, description)).build());
        tenant.setSpec(spec);
        return client().resource(tenant).create();
    }

    /** The demo Tenant {@code name}; empty for anything else, a customer's Tenant included. */
    public Optional<Tenant> find(String name) {
        if (name == null || !name.matches("demo-[a-z0-9]{1,20}")) {
            return Optional.empty();
        }
        return Optional.ofNullable(client().resources(Tenant.class).withName(name).get())
                .filter(t -> t.getMetadata().getLabels() != null && "true".equals(t.getMetadata().getLabels().get(LABEL)));
    }

    /**
     * The demo's app: created from the kept description once the Tenant reconciler made the namespace (an AppSpec
     * cannot be created in a namespace that does not exist yet); empty until then. Idempotent: called on every visit.
     */
    public Optional<AppSpec> app(Tenant demo) {
        if (demo.getStatus() == null || demo.getStatus().getNamespace() == null) {
            return Optional.empty();
        }
        String namespace = demo.getStatus().getNamespace();
        AppSpec existing = client().resources(AppSpec.class).inNamespace(namespace).withName(APP).get();
        if (existing != null) {
            return Optional.of(existing);
        }
        AppSpecSpec spec = new AppSpecSpec();
        spec.setRequirements(demo.getMetadata().getAnnotations() == null ? null
                : demo.getMetadata().getAnnotations().get(DESCRIPTION_ANNOTATION));
        AppSpec app = new AppSpec();
        app.setMetadata(new ObjectMetaBuilder().withName(APP).withNamespace(namespace).build());
        app.setSpec(spec);
        try {
            return Optional.of(client().resource(app).create());
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409) {
                return Optional.ofNullable(client().resources(AppSpec.class).inNamespace(namespace).withName(APP).get());
            }
            throw e;
        }
    }

    /** The app's newest Generation, or null. */
    public Generation newestGeneration(AppSpec app) {
        return client().resources(Generation.class).inNamespace(app.getMetadata().getNamespace())
                .withLabel(Generation.APPSPEC_LABEL, app.getMetadata().getName()).list().getItems().stream()
                .max(Comparator.comparing((Generation g) -> g.getMetadata().getCreationTimestamp(), Comparator.nullsFirst(Comparator.naturalOrder())))
                .orElse(null);
    }

    private KubernetesClient client() {
        return clients.console();
    }

    private static String randomName() {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            name.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return name.toString();
    }

    /** The cap is reached. */
    public static final class Full extends RuntimeException {
        private final long alive;

        Full(long alive) {
            super("the playground is full");
            this.alive = alive;
        }

        public long alive() {
            return alive;
        }
    }
}
