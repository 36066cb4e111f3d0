package io.veroforge.operator.generation;

import io.veroforge.operator.delivery.Releases;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.veroforge.api.v1alpha1.DeploymentStatus;
import io.veroforge.api.v1alpha1.GitCommit;
import io.veroforge.api.v1alpha1.StageName;
import io.veroforge.operator.delivery.BuildComponent;
import io.veroforge.operator.delivery.BuildProgress;
import io.veroforge.operator.delivery.DeliveryException;
import io.veroforge.operator.delivery.ExternalBuild;
import io.veroforge.operator.delivery.GitSource;
import io.veroforge.operator.delivery.ImageRefs;

/**
 * Builds the images of the committed code. {@code kaniko}: one Job per component in the tenant's
 * namespace builds the exact commit and pushes {@code <registry>/<tenant>/<app>-<component>:<commit>};
 * a restart finds the Jobs it started. {@code external}: the repository's own CI builds, and the
 * Generation waits until the {@link ExternalBuild#IMAGES_ANNOTATION} annotation names every image.
 * Job changes come back as events (the Jobs carry the Generation's label), so waiting costs nothing.
 */
final class BuildStage implements Stage {
    /** A safety net only: Job events normally bring the run back sooner. */
    static final Duration RECHECK = Duration.ofSeconds(15);

    private final Releases releases;
    private final GeneratedCode code;

    BuildStage(Releases releases, GeneratedCode code) {
        this.code = code;
        this.releases = releases;
    }

    @Override
    public StageName name() {
        return StageName.Build;
    }

    @Override
    public StageOutcome run(GenerationRun run) {
        List<BuildComponent> components = BuildComponent.in(code.of(run.generation(), run.recorded()));
        try {
            BuildProgress progress;
            if (!releases.buildsWithKaniko()) {
                progress = ExternalBuild.poll(run.generation(), components);
            } else {
                Optional<AppTenant> tenant = AppTenant.of(run.client(), run.namespace());
                if (tenant.isEmpty()) {
                    return StageOutcome.waiting("NoTenant", AppTenant.notFound(run.namespace()), Duration.ofSeconds(30));
                }
                GitCommit commit = run.recorded().getCommit();
                releases.copyRegistrySecretInto(run.namespace());
                ImageRefs images = releases.kaniko().images(tenant.get().name(), run.app(), commit.getSha(), components);
                releases.kaniko().start(run.generation(), new GitSource(commit.getRepository(), commit.getBranch(), commit.getSha(),
                        releases.gitCredentialsFor(run.appSpec())), components, images);
                progress = releases.kaniko().poll(run.generation(), components, images);
            }
            if (progress instanceof BuildProgress.Succeeded built) {
                return StageOutcome.succeeded("built " + built.images(), status -> {
                    DeploymentStatus deployment = status.getDeployment() == null ? new DeploymentStatus() : status.getDeployment();
                    deployment.setImages(List.copyOf(built.images().byComponent().values()));
                    status.setDeployment(deployment);
                });
            }
            if (progress instanceof BuildProgress.Failed failed) {
                return StageOutcome.failed("BuildFailed", failed.message() + "; fix the cause, then delete this Generation to build again");
            }
            return StageOutcome.waiting("Building", ((BuildProgress.Waiting) progress).message(), RECHECK);
        } catch (DeliveryException e) {
            // Something a person must fix (a Secret, the annotation): wait for it rather than fail the run.
            return StageOutcome.waiting("BuildBlocked", e.getMessage(), Duration.ofSeconds(30));
        }
    }
}
