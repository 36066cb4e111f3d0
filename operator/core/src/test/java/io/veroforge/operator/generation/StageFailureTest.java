package io.veroforge.operator.generation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.veroforge.generator.git.GitUnavailableException;
import io.veroforge.operator.db.DatabaseUnavailableException;
import io.veroforge.operator.delivery.DeliveryException;
import io.veroforge.operator.failures.Failure;

/** "The database is down", "the input is wrong" and "we have a bug" are different answers. */
class StageFailureTest {

    @Test
    void unreachableDependenciesAndDeliveryProblemsAreRetried() {
        assertThat(StageFailure.of(new DatabaseUnavailableException("connection refused", null)).reason()).isEqualTo("DatabaseUnavailable");
        assertThat(StageFailure.of(new KubernetesClientException("busy", 503, null)).reason()).isEqualTo("KubernetesApiError");
        assertThat(StageFailure.of(new KubernetesClientException("conflict", 409, null)).stops()).isEmpty();
        assertThat(StageFailure.of(new DeliveryException("Secret x has no token")).stops()).isEmpty();
        assertThat(StageFailure.of(new DatabaseUnavailableException("down", null)).stops()).isEmpty();
    }

    @Test
    void invalidInputStopsTheRunAtOnceSayingWhatToFix() {
        StageFailure refused = StageFailure.of(new KubernetesClientException("metadata.name: Invalid value: \"H35App-api\"", 422, null));
        assertThat(refused.failure()).isInstanceOf(Failure.InvalidInput.class);
        assertThat(refused.stops()).hasValueSatisfying(o -> {
            assertThat(o.kind()).isEqualTo(StageOutcome.Kind.FAILED);
            assertThat(o.reason()).isEqualTo("InvalidInput");
            assertThat(o.message()).contains("H35App-api").contains("fix the AppSpec");
        });
        assertThat(StageFailure.of(new IllegalArgumentException("app name H35App is not a DNS-1123 label")).stops()).isPresent();
    }

    @Test
    void aBugIsAnInternalErrorRetriedWithoutStoppingTheRun() {
        StageFailure bug = StageFailure.of(new NullPointerException("Cannot invoke \"String.length()\" because \"name\" is null"));
        assertThat(bug.internal()).isTrue();
        assertThat(bug.reason()).isEqualTo("InternalError");
        assertThat(bug.describe()).startsWith("InternalError: NullPointerException: Cannot invoke").contains("a bug in the operator");
        assertThat(bug.stops()).as("a fixed operator lets the run carry on").isEmpty();
    }

    @Test
    void gitUnavailableIsNamedForTheSre() throws Exception {
        assertThat(StageFailure.of(new GitUnavailableException("http://x: connection refused", null)).describe())
                .isEqualTo("GitUnavailable: http://x: connection refused");
    }
}
