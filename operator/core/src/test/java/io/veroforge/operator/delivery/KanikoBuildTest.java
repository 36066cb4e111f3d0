package io.veroforge.operator.delivery;

import static io.veroforge.operator.delivery.DeliveryFixtures.SHA;
import static io.veroforge.operator.delivery.DeliveryFixtures.generation;
import static io.veroforge.operator.delivery.DeliveryFixtures.pestControlFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.veroforge.api.v1alpha1.Generation;

/** The mock runs no Jobs: the tests write the status a Job controller would. */
@EnableKubernetesMockClient(crud = true)
class KanikoBuildTest {
    static KubernetesClient client;

    private static final KanikoBuild.Settings SETTINGS =
            new KanikoBuild.Settings(KanikoBuild.DEFAULT_EXECUTOR_IMAGE, "registry.example.com/vf", "veroforge-registry");
    private static final GitSource SOURCE =
            new GitSource("https://git.example.com/acme/pest-control.git", "main", SHA, "pest-control-git");
    private final List<BuildComponent> components = BuildComponent.in(pestControlFiles());

    @Test
    void eachComponentIsBuiltByAKanikoJobFromTheExactCommit() {
        Generation generation = withSecrets("build-jobs");
        KanikoBuild build = new KanikoBuild(client, SETTINGS);
        ImageRefs images = build.images("acme", "pest-control", SHA, components);

        List<Job> jobs = build.start(generation, SOURCE, components, images);

        assertThat(jobs).extracting(j -> j.getMetadata().getName()).containsExactly("pest-control-3-build-api", "pest-control-3-build-ui");
        Job api = client.batch().v1().jobs().inNamespace("build-jobs").withName("pest-control-3-build-api").get();
        assertThat(api.getMetadata().getLabels()).containsEntry("veroforge.io/appspec", "pest-control")
                .containsEntry("veroforge.io/generation", "pest-control-3").containsEntry("veroforge.io/build", "api")
                .containsEntry("app.kubernetes.io/managed-by", "veroforge");
        assertThat(api.getMetadata().getOwnerReferences()).singleElement()
                .satisfies(ref -> assertThat(ref.getKind() + "/" + ref.getName()).isEqualTo("Generation/pest-control-3"));
        Container kaniko = api.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(kaniko.getImage()).isEqualTo("gcr.io/kaniko-project/executor:v1.23.2");
        assertThat(kaniko.getArgs()).containsExactly(
                "--context=git://git.example.com/acme/pest-control.git#refs/heads/main#" + SHA,
                "--context-sub-path=api",
                "--dockerfile=../deploy/api.Dockerfile",
                "--destination=registry.example.com/vf/acme/pest-control-api:" + SHA);
        assertThat(kaniko.getEnv()).extracting(e -> e.getName() + "<-" + e.getValueFrom().getSecretKeyRef().getName()
                + "/" + e.getValueFrom().getSecretKeyRef().getKey())
                .containsExactly("GIT_USERNAME<-pest-control-git/username", "GIT_PASSWORD<-pest-control-git/password");
        assertThat(kaniko.getVolumeMounts()).singleElement().satisfies(m -> assertThat(m.getMountPath()).isEqualTo("/kaniko/.docker"));
        var volume = api.getSpec().getTemplate().getSpec().getVolumes().get(0).getSecret();
        assertThat(volume.getSecretName()).isEqualTo("veroforge-registry");
        assertThat(volume.getItems()).singleElement().satisfies(i -> {
            assertThat(i.getKey()).isEqualTo(".dockerconfigjson");
            assertThat(i.getPath()).isEqualTo("config.json");
        });
        Container ui = client.batch().v1().jobs().inNamespace("build-jobs").withName("pest-control-3-build-ui").get()
                .getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(ui.getArgs()).contains("--dockerfile=deploy/ui.Dockerfile").noneMatch(a -> a.startsWith("--context-sub-path"));
    }

    @Test
    void startingAgainReusesTheRunningJobs() {
        Generation generation = withSecrets("build-again");
        KanikoBuild build = new KanikoBuild(client, SETTINGS);
        ImageRefs images = build.images("acme", "pest-control", SHA, components);
        List<Job> first = build.start(generation, SOURCE, components, images);

        List<Job> second = build.start(generation, SOURCE, components, images);

        assertThat(second).extracting(j -> j.getMetadata().getUid())
                .containsExactlyElementsOf(first.stream().map(j -> j.getMetadata().getUid()).toList());
        assertThat(client.batch().v1().jobs().inNamespace("build-again").list().getItems()).hasSize(2);
    }

    @Test
    void theBuildSucceedsWhenEveryJobCompletedAndWaitsUntilThen() {
        Generation generation = withSecrets("build-ok");
        KanikoBuild build = new KanikoBuild(client, SETTINGS);
        ImageRefs images = build.images("acme", "pest-control", SHA, components);
        build.start(generation, SOURCE, components, images);

        assertThat(build.poll(generation, components, images))
                .isEqualTo(new BuildProgress.Waiting("building api, ui (0/2 done)"));
        setCondition("build-ok", "pest-control-3-build-api", "Complete", null, null);
        assertThat(build.poll(generation, components, images)).isEqualTo(new BuildProgress.Waiting("building ui (1/2 done)"));
        setCondition("build-ok", "pest-control-3-build-ui", "Complete", null, null);

        assertThat(build.poll(generation, components, images)).isEqualTo(new BuildProgress.Succeeded(images));
    }

    @Test
    void aFailedJobFailsTheBuildNamingTheComponentAndTheJobsMessage() {
        Generation generation = withSecrets("build-failed");
        KanikoBuild build = new KanikoBuild(client, SETTINGS);
        ImageRefs images = build.images("acme", "pest-control", SHA, components);
        build.start(generation, SOURCE, components, images);
        setCondition("build-failed", "pest-control-3-build-api", "Complete", null, null);
        setCondition("build-failed", "pest-control-3-build-ui", "Failed", "BackoffLimitExceeded", "Job has reached the specified backoff limit");

        BuildProgress progress = build.poll(generation, components, images);

        assertThat(progress).isInstanceOfSatisfying(BuildProgress.Failed.class, failed -> {
            assertThat(failed.component()).isEqualTo("ui");
            assertThat(failed.message()).contains("Job pest-control-3-build-ui")
                    .contains("BackoffLimitExceeded: Job has reached the specified backoff limit");
        });
    }

    @Test
    void aMissingRegistrySecretIsReportedWithTheFix() {
        Generation generation = generation("build-no-registry", 3);

        assertThatThrownBy(() -> new KanikoBuild(client, SETTINGS).start(generation, SOURCE, components,
                ImageRefs.built("r", "acme", "pest-control", SHA, components)))
                .isInstanceOf(DeliveryException.class)
                .hasMessageContaining("registry Secret veroforge-registry not found in namespace build-no-registry")
                .hasMessageContaining("create secret docker-registry");
        assertThat(client.batch().v1().jobs().inNamespace("build-no-registry").list().getItems()).isEmpty();
    }

    @Test
    void anSshRepositoryCannotBeClonedByKaniko() {
        Generation generation = withSecrets("build-ssh");
        GitSource ssh = new GitSource("git@github.com:acme/pest-control.git", "main", SHA, "pest-control-git");

        assertThatThrownBy(() -> new KanikoBuild(client, SETTINGS).start(generation, ssh, components,
                ImageRefs.built("r", "acme", "pest-control", SHA, components)))
                .isInstanceOf(DeliveryException.class)
                .hasMessageContaining("spec.delivery.git.url git@github.com:acme/pest-control.git")
                .hasMessageContaining("HTTP(S) only");
    }

    @Test
    void thePlatformsOwnHttpGitServerIsClonedOverHttpWithoutCredentials() {
        Generation generation = withSecrets("build-http");
        GitSource platform = new GitSource("http://veroforge-git.veroforge.svc:8081/build-http/pest-control.git", "generated", SHA, null);
        KanikoBuild build = new KanikoBuild(client, SETTINGS);

        build.start(generation, platform, components, build.images("acme", "pest-control", SHA, components));

        Container kaniko = client.batch().v1().jobs().inNamespace("build-http").withName("pest-control-3-build-ui").get()
                .getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(kaniko.getArgs()).contains("--context=git://veroforge-git.veroforge.svc:8081/build-http/pest-control.git#refs/heads/generated#" + SHA);
        assertThat(kaniko.getEnv()).extracting(e -> e.getName() + "=" + e.getValue()).containsExactly("GIT_PULL_METHOD=http");
    }

    private static Generation withSecrets(String namespace) {
        client.resource(new SecretBuilder().withNewMetadata().withName("veroforge-registry").withNamespace(namespace).endMetadata()
                .withType("kubernetes.io/dockerconfigjson").addToStringData(".dockerconfigjson", "{\"auths\":{}}").build()).create();
        client.resource(new SecretBuilder().withNewMetadata().withName("pest-control-git").withNamespace(namespace).endMetadata()
                .withStringData(Map.of("username", "ci", "password", "token")).build()).create();
        return generation(namespace, 3);
    }

    private static void setCondition(String namespace, String job, String type, String reason, String message) {
        client.batch().v1().jobs().inNamespace(namespace).withName(job).editStatus(j -> {
            j.setStatus(new JobStatusBuilder().addToConditions(new JobConditionBuilder()
                    .withType(type).withStatus("True").withReason(reason).withMessage(message).build()).build());
            return j;
        });
    }
}
