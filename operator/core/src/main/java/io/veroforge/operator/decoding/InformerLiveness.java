package io.veroforge.operator.decoding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.RegisteredController;
import io.javaoperatorsdk.operator.health.InformerHealthIndicator;
import io.javaoperatorsdk.operator.health.InformerWrappingEventSourceHealthIndicator;

/**
 * Down once an informer of a started operator has stopped: Fabric8 stops an informer whose watch
 * fails in a way it does not retry, and nothing restarts it, so that controller would do nothing
 * for the rest of the run. QOSDK's own check is a readiness check only, which takes the pod out of
 * service but never restarts it. A watch that is merely reconnecting is still running.
 */
@Liveness
@ApplicationScoped
public class InformerLiveness implements HealthCheck {
    private final Operator operator;

    public InformerLiveness(Operator operator) {
        this.operator = operator;
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"}) // JOSDK hands the indicators out as raw types
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("VeroForge informers running");
        if (!operator.getRuntimeInfo().isStarted()) {
            return response.up().build();
        }
        List<String> stopped = new ArrayList<>();
        for (RegisteredController<?> controller : operator.getRuntimeInfo().getRegisteredControllers()) {
            List<Map.Entry<String, InformerHealthIndicator>> informers = new ArrayList<>();
            for (Map.Entry<String, InformerWrappingEventSourceHealthIndicator> source : controller
                    .getControllerHealthInfo().informerEventSourceHealthIndicators().entrySet()) {
                Map<String, InformerHealthIndicator> byNamespace = source.getValue().informerHealthIndicators();
                byNamespace.forEach((namespace, informer) -> informers.add(Map.entry(source.getKey() + "@" + namespace, informer)));
            }
            stopped.addAll(stoppedInformers(controller.getConfiguration().getName(), informers));
        }
        return stopped.isEmpty() ? response.up().build()
                : response.down().withData("stopped", String.join(", ", stopped)).build();
    }

    /** {@code controller/eventSource@namespace} of each informer that no longer runs. */
    static List<String> stoppedInformers(String controller, List<Map.Entry<String, InformerHealthIndicator>> informers) {
        return informers.stream().filter(e -> !e.getValue().isRunning()).map(e -> controller + "/" + e.getKey()).toList();
    }
}
