package io.veroforge.operator.delivery;

import java.util.ArrayList;
import java.util.List;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.veroforge.api.v1alpha1.Generation;

/**
 * Builds a Generation's images in the tenant's namespace: one kaniko Job per {@link BuildComponent},
 * cloning the exact commit and pushing to the platform registry.
 */
public final class KanikoBuild {
    public static final String DEFAULT_EXECUTOR_IMAGE = "gcr.io/kaniko-project/executor:v1.23.2";
    /** kaniko reads registry credentials from {@code $DOCKER_CONFIG/config.json}, by default this directory. */
    static final String DOCKER_CONFIG_DIR = "/kaniko/.docker";
    private static final long DEADLINE_SECONDS = 30 * 60;

    /**
     * @param executorImage  kaniko executor, pinned by exact tag or digest
     * @param registry       where images are pushed, e.g. {@code registry.example.com/veroforge}
     * @param registrySecret name of a {@code kubernetes.io/dockerconfigjson} Secret in each tenant namespace
     *                       with push access to {@code registry}; null: the registry takes anonymous pushes
     */
    public record Settings(String executorImage, String registry, String registrySecret) {
    }

    private final KubernetesClient client;
    private final Settings settings;

    public KanikoBuild(KubernetesClient client, Settings settings) {
        this.client = client;
        this.settings = settings;
    }

    /** The images this build pushes for {@code generation}'s commit. */
    public ImageRefs images(String tenant, String app, String commitSha, List<BuildComponent> components) {
        return ImageRefs.built(settings.registry(), tenant, app, commitSha, components);
    }

    public static String jobName(String generation, String component) {
        return generation + "-build-" + component;
    }

    /**
     * Creates the build Job of each component unless it exists (a restart reuses the running build).
     *
     * @throws DeliveryException when the registry or Git Secret is missing, or kaniko cannot clone the URL
     */
    public List<Job> start(Generation generation, GitSource source, List<BuildComponent> components, ImageRefs images) {
        String namespace = generation.getMetadata().getNamespace();
        if (settings.registrySecret() != null) {
            requireRegistrySecret(namespace);
        }
        if (source.credentialsSecret() != null
                && client.secrets().inNamespace(namespace).withName(source.credentialsSecret()).get() == null) {
            throw new DeliveryException("Git credentials Secret " + source.credentialsSecret() + " not found in namespace "
                    + namespace + ": create it with keys username and password, or fix spec.delivery.git.secretRef");
        }
        String context = kanikoContext(source);
        List<Job> jobs = new ArrayList<>();
        for (BuildComponent component : components) {
            Job desired = job(generation, source, component, context, images.of(component.name()));
            jobs.add(createUnlessPresent(desired));
        }
        return List.copyOf(jobs);
    }

    private void requireRegistrySecret(String namespace) {
        Secret secret = client.secrets().inNamespace(namespace).withName(settings.registrySecret()).get();
        String fix = ": create it with push access to " + settings.registry()
                + " (kubectl -n " + namespace + " create secret docker-registry " + settings.registrySecret() + " ...)";
        if (secret == null) {
            throw new DeliveryException("registry Secret " + settings.registrySecret() + " not found in namespace " + namespace + fix);
        }
        if (!"kubernetes.io/dockerconfigjson".equals(secret.getType())) {
            throw new DeliveryException("registry Secret " + settings.registrySecret() + " in namespace " + namespace
                    + " has type " + secret.getType() + ", not kubernetes.io/dockerconfigjson" + fix);
        }
    }

    /** kaniko's Git context: {@code git://host/path#refs/heads/<branch>#<sha>}; it clones over HTTPS unless told HTTP. */
    static String kanikoContext(GitSource source) {
        String url = source.url();
        String hostAndPath;
        if (url.startsWith("https://")) {
            hostAndPath = url.substring("https://".length());
        } else if (url.startsWith("http://")) {
            hostAndPath = url.substring("http://".length());
        } else {
            throw new DeliveryException("spec.delivery.git.url " + url + ": the in-cluster build (kaniko) clones over"
                    + " HTTP(S) only; use the https:// URL with a username/password Secret, or build in the repository's CI");
        }
        return "git://" + hostAndPath + "#refs/heads/" + source.branch() + "#" + source.sha();
    }

    private Job job(Generation generation, GitSource source, BuildComponent component, String context, String image) {
        String name = generation.getMetadata().getName();
        var labels = DeliveryLabels.forGeneration(DeliveryLabels.appOf(generation), name);
        labels.put(DeliveryLabels.BUILD, component.name());

        List<String> args = new ArrayList<>();
        args.add("--context=" + context);
        if (!component.contextDir().equals(".")) {
            args.add("--context-sub-path=" + component.contextDir());
        }
        args.add("--dockerfile=" + component.dockerfileInContext());
        args.add("--destination=" + image);

        List<EnvVar> env = new ArrayList<>();
        if (source.url().startsWith("http://")) {
            env.add(new EnvVar("GIT_PULL_METHOD", "http", null));
        }
        if (source.credentialsSecret() != null) {
            env.add(fromSecret("GIT_USERNAME", source.credentialsSecret(), "username"));
            env.add(fromSecret("GIT_PASSWORD", source.credentialsSecret(), "password"));
        }
        ContainerBuilder kaniko = new ContainerBuilder()
                .withName("kaniko")
                .withImage(settings.executorImage())
                .withArgs(args)
                .withEnv(env);
        List<Volume> volumes = new ArrayList<>();
        if (settings.registrySecret() != null) {
            kaniko.addNewVolumeMount().withName("registry-credentials").withMountPath(DOCKER_CONFIG_DIR).withReadOnly(true).endVolumeMount();
            volumes.add(new VolumeBuilder().withName("registry-credentials")
                    .withNewSecret().withSecretName(settings.registrySecret())
                        .addNewItem().withKey(".dockerconfigjson").withPath("config.json").endItem()
                    .endSecret().build());
        }
        return new JobBuilder()
                .withNewMetadata()
                    .withName(jobName(name, component.name()))
                    .withNamespace(generation.getMetadata().getNamespace())
                    .withLabels(labels)
                    .withOwnerReferences(DeliveryLabels.ownedBy(generation))
                .endMetadata()
                .withNewSpec()
                    .withBackoffLimit(1)
                    .withActiveDeadlineSeconds(DEADLINE_SECONDS)
                    .withNewTemplate()
                        .withNewMetadata().withLabels(labels).endMetadata()
                        .withNewSpec()
                            .withRestartPolicy("Never")
                            .withAutomountServiceAccountToken(false)
                            .withContainers(kaniko.build())
                            .withVolumes(volumes)
                        .endSpec()
                    .endTemplate()
                .endSpec()
                .build();
    }

    private static EnvVar fromSecret(String name, String secret, String key) {
        return new EnvVarBuilder().withName(name)
                .withNewValueFrom().withNewSecretKeyRef().withName(secret).withKey(key).endSecretKeyRef().endValueFrom()
                .build();
    }

    private Job createUnlessPresent(Job desired) {
        var resource = client.batch().v1().jobs().inNamespace(desired.getMetadata().getNamespace())
                .withName(desired.getMetadata().getName());
        Job existing = resource.get();
        if (existing != null) {
            return existing;
        }
        try {
            return client.resource(desired).create();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409) {
                return resource.get();
            }
            throw e;
        }
    }

    /** Succeeded when every component's Job completed, Failed at the first failed Job, else Waiting. */
    public BuildProgress poll(Generation generation, List<BuildComponent> components, ImageRefs images) {
        String namespace = generation.getMetadata().getNamespace();
        List<String> running = new ArrayList<>();
        for (BuildComponent component : components) {
            String name = jobName(generation.getMetadata().getName(), component.name());
            Job job = client.batch().v1().jobs().inNamespace(namespace).withName(name).get();
            JobCondition failed = condition(job, "Failed");
            if (failed != null) {
                return new BuildProgress.Failed(component.name(), "build of " + component.name() + " failed (Job " + name
                        + ", kubectl -n " + namespace + " logs job/" + name + "): "
                        + (failed.getReason() == null ? "" : failed.getReason() + ": ") + failed.getMessage());
            }
            if (condition(job, "Complete") == null) {
                running.add(job == null ? component.name() + " (Job " + name + " not created yet)" : component.name());
            }
        }
        if (running.isEmpty()) {
            return new BuildProgress.Succeeded(images);
        }
        return new BuildProgress.Waiting("building " + String.join(", ", running) + " ("
                + (components.size() - running.size()) + "/" + components.size() + " done)");
    }

    private static JobCondition condition(Job job, String type) {
        if (job == null || job.getStatus() == null || job.getStatus().getConditions() == null) {
            return null;
        }
        return job.getStatus().getConditions().stream()
                .filter(c -> type.equals(c.getType()) && "True".equals(c.getStatus()))
                .findFirst().orElse(null);
    }
}
