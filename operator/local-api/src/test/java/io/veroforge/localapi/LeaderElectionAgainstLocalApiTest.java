package io.veroforge.localapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElector;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;

/**
 * What the operator's leader election needs from the local API: an answered
 * SelfSubjectRulesReview (JOSDK checks its Lease rights first), a Lease that two candidates
 * cannot both win (replace with a stale resourceVersion is a 409), and a takeover when the
 * holder stops renewing.
 */
class LeaderElectionAgainstLocalApiTest {

    @Test
    void aRulesReviewIsAnsweredAndNotStored() throws Exception {
        try (LocalKubernetesApi api = LocalKubernetesApi.start(0); KubernetesClient client = api.newClient()) {
            SelfSubjectRulesReview review = client.resource(new SelfSubjectRulesReviewBuilder().withNewSpec()
                    .withNamespace("veroforge-system").endSpec().build()).create();

            assertThat(review.getStatus().getResourceRules()).singleElement().satisfies(rule -> {
                assertThat(rule.getVerbs()).containsExactly("*");
                assertThat(rule.getResources()).containsExactly("*");
            });
            String stored = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(api.url() + "/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            assertThat(stored).as("reviews are computed, never kept").doesNotContain("veroforge-system");
        }
    }

    @Test
    void aStaleLeaseUpdateIsAConflict() {
        try (LocalKubernetesApi api = LocalKubernetesApi.start(0); KubernetesClient client = api.newClient()) {
            Lease created = client.resource(new LeaseBuilder().withNewMetadata().withName("l").withNamespace("default")
                    .endMetadata().withNewSpec().withHolderIdentity("a").endSpec().build()).create();
            Lease stale = new LeaseBuilder(created).editSpec().withHolderIdentity("b").endSpec().build();
            client.resource(new LeaseBuilder(created).editSpec().withHolderIdentity("c").endSpec().build()).update();

            assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(
                    () -> client.resource(stale).update(), KubernetesClientException.class).getCode()).isEqualTo(409);
        }
    }

    @Test
    void oneOfTwoCandidatesLeadsAndTheOtherTakesOverWhenItStops() {
        try (LocalKubernetesApi api = LocalKubernetesApi.start(0); KubernetesClient client = api.newClient()) {
            List<String> leaders = new CopyOnWriteArrayList<>();
            LeaderElector a = elector(client, "a", leaders);
            LeaderElector b = elector(client, "b", leaders);
            CompletableFuture<?> runA = a.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> leaders.size() == 1);
            CompletableFuture<?> runB = b.start();
            String first = leaders.get(0);
            assertThat(first).isEqualTo("a");

            runA.cancel(true); // stops renewing, as a killed process would
            await().atMost(Duration.ofSeconds(15)).until(() -> leaders.size() == 2);
            assertThat(leaders).containsExactly("a", "b");
            assertThat(client.leases().inNamespace("default").withName("vf-test").get().getSpec().getHolderIdentity())
                    .isEqualTo("b");
            runB.cancel(true);
        }
    }

    private static LeaderElector elector(KubernetesClient client, String identity, List<String> leaders) {
        return client.leaderElector().withConfig(new LeaderElectionConfigBuilder()
                .withName("vf-test").withLock(new LeaseLock("default", "vf-test", identity))
                .withLeaseDuration(Duration.ofSeconds(3)).withRenewDeadline(Duration.ofSeconds(2))
                .withRetryPeriod(Duration.ofMillis(300)).withReleaseOnCancel(false)
                .withLeaderCallbacks(new LeaderCallbacks(() -> leaders.add(identity), () -> { }, newLeader -> { }))
                .build()).build();
    }
}
