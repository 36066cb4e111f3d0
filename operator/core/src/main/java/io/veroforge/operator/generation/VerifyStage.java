package io.veroforge.operator.generation;

import io.veroforge.operator.delivery.CanaryProgress;
import io.veroforge.operator.delivery.Deliveries;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.veroforge.api.v1alpha1.DeliveryMode;
import io.veroforge.api.v1alpha1.DeploymentStatus;
import io.veroforge.api.v1alpha1.Generation;
import io.veroforge.api.v1alpha1.StageName;
import io.veroforge.operator.delivery.Rollout;
import io.veroforge.operator.delivery.RolloutCheck;
import io.veroforge.operator.delivery.SyncProgress;

/**
 * Waits until the release serves: every Deployment it applied rolled out (direct), or ArgoCD
 * reports the Application synced and healthy at the commit (gitops). A failed rollout puts the
 * previously deployed Generation's release back, so the app keeps serving what worked, and
 * stops the run; the AppSpec's deployed Generation stays the previous one.
 */
final class VerifyStage implements Stage {
    /** A safety net only: Deployment events normally bring the run back sooner. */
    static final Duration RECHECK = Duration.ofSeconds(10);

    private final Deliveries deliveries;
    private final ContractAfterPromotion contract;

    VerifyStage(Deliveries deliveries, ContractAfterPromotion contract) {
        this.deliveries = deliveries;
        this.contract = contract;
    }

    @Override
    public StageName name() {
        return StageName.Verify;
    }

    @Override
    public StageOutcome run(GenerationRun run) throws Exception {
        DeploymentStatus deployment = run.recorded().getDeployment();
        if (deployment == null || deployment.getMode() == null) {
            return StageOutcome.failed("NotDeployed", "nothing was recorded as deployed; delete this Generation to run it again");
        }
        if (deployment.getMode() == DeliveryMode.gitops) {
            SyncProgress sync = deliveries.gitOps().poll(run.appSpec(), run.recorded().getCommit().getSha());
            if (sync instanceof SyncProgress.Synced) {
                return verified(run, deployment, "ArgoCD synced " + run.recorded().getCommit().getSha() + " and reports it healthy", "Synced");
            }
            if (sync instanceof SyncProgress.Failed failed) {
                return rolledBack(run, deployment, "ArgoCD: " + failed.message());
            }
            return StageOutcome.waiting("Syncing", ((SyncProgress.Waiting) sync).message(), RECHECK);
        }
        Optional<String> canary = deployment.getObjects().stream().filter(o -> o.startsWith("Canary/")).findFirst();
        if (canary.isPresent()) {
            return canaryOutcome(run, deployment, canary.get().substring("Canary/".length()));
        }
        Rollout rollout = new RolloutCheck(run.client()).check(deploymentsOf(run.namespace(), deployment));
        if (rollout instanceof Rollout.Available) {
            return verified(run, deployment, "every Deployment rolled out and is available", "Verified");
        }
        if (rollout instanceof Rollout.Failed failed) {
            return rolledBack(run, deployment, failed.message());
        }
        return StageOutcome.waiting("RollingOut", ((Rollout.Progressing) rollout).detail(), RECHECK);
    }

    /**
     * A canary release is verified by its Canary: promoted is verified once the contract steps of the
     * migration ran (they waited for the old revision to stop serving); rolled back fails the run with
     * the Generation's deployment result RolledBack, while the stable revision (the Canary put all
     * traffic back on it) keeps serving, so nothing is redeployed.
     */
    private StageOutcome canaryOutcome(GenerationRun run, DeploymentStatus deployment, String canary) {
        CanaryProgress progress = deliveries.canaryProgress(run.namespace(), canary);
        if (progress instanceof CanaryProgress.Promoted promoted) {
            return contract.run(run, done -> verified(run, deployment, promoted.detail() + done, "Promoted"));
        }
        if (progress instanceof CanaryProgress.RolledBack rolledBack) {
            return StageOutcome.failed("CanaryRolledBack", rolledBack.reason() + "; the previous revision keeps serving", status -> {
                DeploymentStatus d = status.getDeployment() == null ? deployment : status.getDeployment();
                d.setResult("RolledBack");
                status.setDeployment(d);
            });
        }
        return StageOutcome.waiting("CanaryProgressing", ((CanaryProgress.Progressing) progress).detail(), RECHECK);
    }

    private static StageOutcome verified(GenerationRun run, DeploymentStatus deployment, String message, String result) {
        return StageOutcome.succeeded(message, status -> {
            DeploymentStatus d = status.getDeployment() == null ? deployment : status.getDeployment();
            d.setResult(result);
            status.setDeployment(d);
        });
    }

    private StageOutcome rolledBack(GenerationRun run, DeploymentStatus deployment, String why) throws Exception {
        Optional<Generation> previous = DeployedGeneration.otherThan(run.name(), DeployedGeneration.ofApp(run.client(), run.namespace(), run.app()));
        Optional<AppTenant> tenant = AppTenant.of(run.client(), run.namespace());
        String back;
        if (previous.isPresent() && tenant.isPresent()) {
            deliveries.deploy(run.appSpec(), previous.get(), tenant.get().name());
            back = "; rolled back to " + previous.get().getMetadata().getName() + ", which keeps serving";
        } else {
            back = "; no earlier Generation was serving, nothing to roll back to";
        }
        String message = why + back;
        return StageOutcome.failed("RolloutFailed", message, status -> {
            DeploymentStatus d = status.getDeployment() == null ? deployment : status.getDeployment();
            d.setResult(previous.isPresent() ? "RolledBack" : "Failed");
            status.setDeployment(d);
        });
    }

    /** The Deployments the release applied, as recorded ({@code Deployment/<name>}); RolloutCheck reads them live. */
    private static List<HasMetadata> deploymentsOf(String namespace, DeploymentStatus deployment) {
        List<HasMetadata> deployments = new ArrayList<>();
        for (String object : deployment.getObjects()) {
            if (object.startsWith("Deployment/")) {
                deployments.add(new DeploymentBuilder().withNewMetadata().withNamespace(namespace)
                        .withName(object.substring("Deployment/".length())).endMetadata().build());
            }
        }
        return deployments;
    }
}
