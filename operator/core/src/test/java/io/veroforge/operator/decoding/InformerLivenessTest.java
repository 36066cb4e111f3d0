package io.veroforge.operator.decoding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.javaoperatorsdk.operator.health.InformerHealthIndicator;
import io.javaoperatorsdk.operator.health.Status;

/** Liveness names every informer that stopped, and ignores one that is only reconnecting. */
class InformerLivenessTest {

    @Test
    void aStoppedInformerIsNamedAndAReconnectingOneIsNot() {
        List<String> stopped = InformerLiveness.stoppedInformers("tenant", List.of(
                Map.entry("TenantEventSource@", informer(false, false)),
                Map.entry("NamespaceEventSource@", informer(true, false))));
        assertThat(stopped).containsExactly("tenant/TenantEventSource@");
    }

    private static InformerHealthIndicator informer(boolean running, boolean watching) {
        return new InformerHealthIndicator() {
            @Override
            public boolean hasSynced() {
                return true;
            }

            @Override
            public boolean isWatching() {
                return watching;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public Status getStatus() {
                return running ? Status.HEALTHY : Status.UNHEALTHY;
            }

            @Override
            public String getTargetNamespace() {
                return null;
            }
        };
    }
}
