package io.veroforge.operator.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Leader election between operator replicas (a {@code coordination.k8s.io/v1} Lease). Off unless
 * enabled: the chart enables it for its two replicas; a single process (the local run, a test)
 * has nobody to compete with. A standby keeps its informers synced and takes over within about
 * {@code lease-duration + retry-period} of the leader's last renewal.
 */
@ConfigMapping(prefix = "veroforge.leader-election")
public interface LeaderElectionSettings {

    @WithDefault("false")
    boolean enabled();

    @WithDefault("veroforge-operator")
    String leaseName();

    /** Namespace of the Lease; default: the operator's own namespace (KUBERNETES_NAMESPACE), else veroforge-system. */
    Optional<String> leaseNamespace();

    /**
     * Who holds the Lease: the pod name in a cluster (POD_NAME, set by the chart). Two processes
     * with one identity would both believe they lead, so the default adds the process id.
     */
    Optional<String> identity();

    /** How long a Lease is good for after its last renewal: the worst-case takeover time. */
    @WithDefault("10s")
    Duration leaseDuration();

    /** How long the leader keeps trying to renew before it gives up leading (and exits). */
    @WithDefault("7s")
    Duration renewDeadline();

    /** How often candidates try to acquire, and the leader to renew. */
    @WithDefault("2s")
    Duration retryPeriod();
}
