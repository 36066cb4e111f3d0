package io.veroforge.operator.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.veroforge.localapi.StandaloneLocalApi;

/**
 * Two replicas of the deployed operator with leader election on, against one API (as the chart
 * runs them): only the Lease holder reconciles; SIGKILL it during a burst and the standby takes
 * over within the lease duration, finishes the burst, and nothing is done twice.
 */
class LeaderFailoverTest {
    private static final String PREFIX = "lf" + ProcessHandle.current().pid();
    private static final Duration TAKEOVER_TARGET = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    @Test
    void onlyTheLeaderReconcilesAndTheStandbyTakesOverWhenItIsKilled() throws Exception {
        try (StandaloneLocalApi api = StandaloneLocalApi.start(0, dir.resolve("kubeconfig"));
             KubernetesClient client = new KubernetesClientBuilder()
                     .withConfig(new ConfigBuilder().withMasterUrl(api.url()).build()).build();
             ScratchDatabase db = ScratchDatabase.create("vf_failover_" + ProcessHandle.current().pid(), PREFIX);
             DeployedOperator a = DeployedOperator.start("failover-a", api.url(), db.name(), dir.resolve("git"), election("a"));
             DeployedOperator b = DeployedOperator.start("failover-b", api.url(), db.name(), dir.resolve("git"), election("b"))) {
            TenantCensus census = new TenantCensus(client, db, PREFIX);
            for (int i = 0; i < 5; i++) {
                client.resource(TenantCensus.basicTenant(PREFIX + "-" + i)).create();
            }
            await().atMost(Duration.ofSeconds(90)).until(() -> census.ready() == 5);

            String holder = holder(client);
            DeployedOperator leader = holder.equals("a") ? a : b;
            DeployedOperator standby = leader == a ? b : a;
            assertThat(leader.reconciliationsStarted()).as("the leader reconciled the first five").isGreaterThanOrEqualTo(5);
            assertThat(standby.reconciliationsStarted()).as("the standby reconciles nothing while it waits").isZero();

            for (int i = 5; i < 10; i++) { // a burst, in flight when the leader dies
                client.resource(TenantCensus.basicTenant(PREFIX + "-" + i)).create();
            }
            long killedAt = System.nanoTime();
            assertThat(leader.kill()).as("SIGKILL").isEqualTo(137);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> standby.name().endsWith(holder(client)));
            Duration takeover = Duration.ofNanos(System.nanoTime() - killedAt);
            await().atMost(Duration.ofSeconds(90)).until(() -> census.ready() == 10);
            Duration converged = Duration.ofNanos(System.nanoTime() - killedAt);

            TenantCensus.Result result = census.count(10);
            System.out.printf("leader failover: takeover %.1f s, all 10 Ready %.1f s after the kill; %s%n",
                    takeover.toMillis() / 1000.0, converged.toMillis() / 1000.0, result.verdict());
            assertThat(takeover).as("time from SIGKILL to the standby holding the Lease").isLessThan(TAKEOVER_TARGET);
            assertThat(result.clean()).as(result.verdict()).isTrue();
            assertThat(standby.alive()).isTrue();
        }
    }

    private static Map<String, String> election(String identity) {
        return Map.of("veroforge.leader-election.enabled", "true",
                "veroforge.leader-election.identity", identity,
                "veroforge.leader-election.lease-namespace", "default");
    }

    private static String holder(KubernetesClient client) {
        Lease lease = client.leases().inNamespace("default").withName("veroforge-operator").get();
        return lease == null || lease.getSpec() == null || lease.getSpec().getHolderIdentity() == null ? ""
                : lease.getSpec().getHolderIdentity();
    }
}
