package io.veroforge.operator.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * A test's edit made the way a person (or kubectl) makes it: read, change, write, and again when
 * the API server answers 409 because the operator wrote the object in between.
 */
public final class OnConflict {
    private OnConflict() {
    }

    public static void retry(Runnable edit) {
        await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
                .ignoreExceptionsMatching(e -> e instanceof KubernetesClientException k && k.getCode() == 409)
                .until(() -> {
                    edit.run();
                    return true;
                });
    }
}
