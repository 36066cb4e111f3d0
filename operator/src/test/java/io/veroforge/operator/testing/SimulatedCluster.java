package io.veroforge.operator.testing;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * What the Kubernetes controllers and kubelets would do, done explicitly by the test because the
 * mock API server runs none: in the namespaces it is told to watch, a Job without a result
 * completes (or fails with a given message), and a Deployment whose spec changed rolls out
 * (status: observed, all replicas available, Available=True), or, when told, exceeds its progress deadline. Nothing else is simulated.
 */
public final class SimulatedCluster implements AutoCloseable {
    private final KubernetesClient client;
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor();
    private final Set<String> namespaces = ConcurrentHashMap.newKeySet();
    /** namespace -> message: Jobs there fail instead of completing. */
    private final Map<String, String> failingJobs = new ConcurrentHashMap<>();
    /** namespace -> message: Deployments there exceed their progress deadline instead of rolling out. */
    private final Map<String, String> failingRollouts = new ConcurrentHashMap<>();

    public SimulatedCluster(KubernetesClient client) {
        this.client = client;
        loop.scheduleWithFixedDelay(this::tick, 100, 150, TimeUnit.MILLISECONDS);
    }

    public SimulatedCluster run(String namespace) {
        namespaces.add(namespace);
        return this;
    }

    public void failJobs(String namespace, String message) {
        failingJobs.put(namespace, message);
    }

    public void failRollouts(String namespace, String message) {
        failingRollouts.put(namespace, message);
    }

    private void tick() {
        for (String ns : namespaces) {
            try {
                client.batch().v1().jobs().inNamespace(ns).list().getItems().stream()
                        .filter(j -> j.getStatus() == null || j.getStatus().getConditions() == null || j.getStatus().getConditions().isEmpty())
                        .forEach(this::finish);
                client.apps().deployments().inNamespace(ns).list().getItems().stream()
                        .filter(d -> d.getStatus() == null || d.getStatus().getObservedGeneration() == null
                                || d.getStatus().getObservedGeneration() < generationOf(d))
                        .forEach(this::rollOut);
            } catch (RuntimeException e) {
                // the next tick tries again; the API server mock may be between tests
            }
        }
    }

    private void finish(Job job) {
        String failure = failingJobs.get(job.getMetadata().getNamespace());
        job.setStatus(failure == null
                ? new JobStatusBuilder().withSucceeded(1).withConditions(new JobConditionBuilder().withType("Complete").withStatus("True").build()).build()
                : new JobStatusBuilder().withFailed(3).withConditions(new JobConditionBuilder().withType("Failed").withStatus("True")
                        .withReason("BackoffLimitExceeded").withMessage(failure).build()).build());
        client.resource(job).updateStatus();
    }

    private void rollOut(Deployment d) {
        int replicas = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
        String failure = failingRollouts.get(d.getMetadata().getNamespace());
        if (failure != null) {
            d.setStatus(new DeploymentStatusBuilder().withObservedGeneration(generationOf(d)).withReplicas(replicas).withAvailableReplicas(0)
                    .withConditions(new DeploymentConditionBuilder().withType("Progressing").withStatus("False")
                            .withReason("ProgressDeadlineExceeded").withMessage(failure).build())
                    .build());
            client.resource(d).updateStatus();
            return;
        }
        d.setStatus(new DeploymentStatusBuilder().withObservedGeneration(generationOf(d)).withReplicas(replicas).withReadyReplicas(replicas)
                .withAvailableReplicas(replicas).withUpdatedReplicas(replicas)
                .withConditions(new DeploymentConditionBuilder().withType("Available").withStatus("True").withReason("MinimumReplicasAvailable").build())
                .build());
        client.resource(d).updateStatus();
    }

    private static long generationOf(Deployment d) {
        return d.getMetadata().getGeneration() == null ? 1 : d.getMetadata().getGeneration();
    }

    @Override
    public void close() {
        loop.shutdownNow();
    }
}
