package io.veroforge.operator.config;

import java.util.Optional;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;

import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.quarkus.arc.Unremovable;

/**
 * The Lease JOSDK competes for when {@link LeaderElectionSettings#enabled()}. QOSDK looks this bean
 * up when the operator starts (in the prod profile); without it every replica reconciles. Losing
 * the Lease exits the process so the Deployment restarts it as a standby: a replica that stopped
 * renewing never keeps writing beside the new leader.
 */
public class OperatorLeaderElection {

    @Produces
    @Dependent
    @Unremovable
    LeaderElectionConfiguration leaderElection(LeaderElectionSettings settings) {
        if (!settings.enabled()) {
            return null;
        }
        String namespace = settings.leaseNamespace()
                .or(() -> Optional.ofNullable(System.getenv("KUBERNETES_NAMESPACE")).filter(s -> !s.isBlank()))
                .orElse("veroforge-system");
        return new LeaderElectionConfiguration(settings.leaseName(), namespace, settings.leaseDuration(),
                settings.renewDeadline(), settings.retryPeriod(), identity(settings), null, true);
    }

    static String identity(LeaderElectionSettings settings) {
        return settings.identity().filter(s -> !s.isBlank())
                .or(() -> Optional.ofNullable(System.getenv("POD_NAME")).filter(s -> !s.isBlank()))
                .orElseGet(() -> host() + "-" + ProcessHandle.current().pid());
    }

    private static String host() {
        String host = System.getenv("HOSTNAME");
        return host == null || host.isBlank() ? "veroforge-operator" : host;
    }
}
