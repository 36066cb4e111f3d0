package io.veroforge.operator.generation;

import io.veroforge.operator.delivery.Deliveries;
import java.time.Duration;
import java.util.Optional;

import io.veroforge.api.v1alpha1.DeploymentStatus;
import io.veroforge.api.v1alpha1.StageName;
import io.veroforge.operator.delivery.DeliveryException;

/**
 * Deploys the Generation's release (see {@link Deliveries}); applying again changes nothing. Slow:
 * it reads the manifests from Git, which for a remote repository may mean a fetch.
 */
final class DeployStage implements Stage {
    private final Deliveries deliveries;

    DeployStage(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public StageName name() {
        return StageName.Deploy;
    }

    @Override
    public boolean slow() {
        return true;
    }

    @Override
    public StageOutcome run(GenerationRun run) throws Exception {
        Optional<AppTenant> tenant = AppTenant.of(run.client(), run.namespace());
        if (tenant.isEmpty()) {
            return StageOutcome.waiting("NoTenant", AppTenant.notFound(run.namespace()), Duration.ofSeconds(30));
        }
        try {
            DeploymentStatus deployment = deliveries.deploy(run.appSpec(), run.asRecorded(), tenant.get().name());
            String what = deployment.getObjects().size() + " object(s) " + (deployment.getPruned().isEmpty() ? "" : ", pruned " + deployment.getPruned());
            return StageOutcome.succeeded(deployment.getMode() + ": " + what, status -> status.setDeployment(deployment));
        } catch (DeliveryException e) {
            return StageOutcome.failed("DeployFailed", e.getMessage());
        }
    }
}
