package io.veroforge.operator.delivery;

import java.util.List;
import java.util.SortedMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.veroforge.api.v1alpha1.AppSpec;
import io.veroforge.api.v1alpha1.Generation;
import io.veroforge.generator.git.AppRepository;
import io.veroforge.generator.git.GitUnavailableException;
import io.veroforge.operator.config.PlatformConfig;
import io.veroforge.operator.delivery.AppManifests;
import io.veroforge.operator.delivery.AppRepositories;
import io.veroforge.operator.delivery.AppRepositories.OpenedRepository;
import io.veroforge.operator.delivery.BuildComponent;
import io.veroforge.operator.delivery.BuildProgress;
import io.veroforge.operator.delivery.DatabaseLogin;
import io.veroforge.operator.delivery.DeliveryException;
import io.veroforge.operator.delivery.ExternalBuild;
import io.veroforge.operator.delivery.ImageRefs;
import io.veroforge.operator.delivery.KanikoBuild;
import io.veroforge.operator.delivery.RegistrySecretCopy;
import io.veroforge.operator.secrets.SecretValues;
import io.veroforge.operator.platform.TenantDatabaseSecret;

/**
 * What a Generation releases, for Build, Deploy, Verify and a rollback to it: its build
 * components, its image references, its manifests as committed (customer edits on the customer's
 * branch included) and the database login its app gets.
 */
@ApplicationScoped
public class Releases {
    private final GenerationFiles files;
    private final AppRepositories repositories;
    private final KubernetesClient client;
    private final PlatformConfig config;
    private final KanikoBuild kaniko;

    public Releases(GenerationFiles files, AppRepositories repositories, KubernetesClient client, PlatformConfig config) {
        this.files = files;
        this.repositories = repositories;
        this.client = client;
        this.config = config;
        this.kaniko = new KanikoBuild(client, new KanikoBuild.Settings(config.build().kanikoImage(), config.build().registry(),
                config.build().registrySecret().orElse(null)));
    }

    public KanikoBuild kaniko() {
        return kaniko;
    }

    /** Copies the platform's registry push Secret into the namespace, when one is configured. */
    public void copyRegistrySecretInto(String namespace) {
        config.build().registrySecret().ifPresent(name -> new RegistrySecretCopy(client, config.platformNamespace(), name).into(namespace));
    }

    public boolean buildsWithKaniko() {
        return config.build().strategy() == PlatformConfig.BuildStrategy.kaniko;
    }

    /** The images the Generation's build produced (kaniko: derived from the commit; external: from the annotation). */
    public ImageRefs images(Generation generation, String tenant) {
        List<BuildComponent> components = BuildComponent.in(files.of(generation));
        if (buildsWithKaniko()) {
            return kaniko.images(tenant, generation.getSpec().getAppSpec().getName(), generation.getStatus().getCommit().getSha(), components);
        }
        if (ExternalBuild.poll(generation, components) instanceof BuildProgress.Succeeded built) {
            return built.images();
        }
        throw new DeliveryException("annotation " + ExternalBuild.IMAGES_ANNOTATION + " of " + generation.getMetadata().getName()
                + " no longer names every component's image; restore it");
    }

    /** The manifests under deploy/k8s at the Generation's commit, prepared for it (namespace, labels, owner, images). */
    public AppManifests manifests(AppSpec app, Generation generation) throws GitUnavailableException {
        OpenedRepository opened = repositories.open(app);
        SortedMap<String, String> files;
        try (AppRepository repository = opened.repository()) {
            files = repository.read(generation.getStatus().getCommit().getSha(), AppManifests.DIRECTORY);
        }
        return AppManifests.parse(files);
    }

    public List<HasMetadata> prepared(AppSpec app, Generation generation, AppManifests manifests, String tenant) {
        return manifests.prepare(app, generation.getMetadata().getName(), images(generation, tenant));
    }

    /** The app's database login: the tenant's role and password, the app's own schema first on the search path. */
    public DatabaseLogin login(String namespace, String appSchema) {
        Secret secret = client.secrets().inNamespace(namespace).withName(TenantDatabaseSecret.NAME).get();
        if (secret == null || secret.getData() == null) {
            throw new DeliveryException("Secret " + TenantDatabaseSecret.NAME + " is missing in namespace " + namespace
                    + "; the Tenant reconciler recreates it — check the Tenant's status");
        }
        // public holds the database's extensions (pgcrypto for PHI columns)
        return new DatabaseLogin(value(secret, "host"), Integer.parseInt(value(secret, "port")), value(secret, "database"),
                value(secret, "username"), value(secret, TenantDatabaseSecret.PASSWORD), appSchema + ",public");
    }

    public String gitCredentialsFor(AppSpec app) {
        return repositories.readerCredentials(app);
    }

    private static String value(Secret secret, String key) {
        return SecretValues.get(secret, key)
                .orElseThrow(() -> new DeliveryException("Secret " + TenantDatabaseSecret.NAME + " has no key " + key));
    }
}
