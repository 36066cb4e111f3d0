package io.veroforge.localapi;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.veroforge.api.v1alpha1.Generation;

/**
 * What the Kubernetes Job and Deployment controllers and the kubelets would do, done explicitly
 * because the in-process API server (the tests' mock, the {@code --local} platform) runs none:
 * a build Job without a result completes, or fails with a given message, and a Deployment
 * labelled with its Generation whose spec changed rolls out (status: observed, all replicas
 * available, Available=True), or, when told, exceeds its progress deadline. Nothing runs: no
 * image is built, no container started. Every simulated change is logged.
 */
public final class SimulatedControllers implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SimulatedControllers.class);

    private final KubernetesClient client;
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor();
    /** Empty: every namespace. */
    private final Set<String> namespaces = ConcurrentHashMap.newKeySet();
    /** namespace -> message: Jobs there fail instead of completing. */
    private final Map<String, String> failingJobs = new ConcurrentHashMap<>();
    /** namespace -> message: Deployments there exceed their progress deadline instead of rolling out. */
    private final Map<String, String> failingRollouts = new ConcurrentHashMap<>();

    public SimulatedControllers(KubernetesClient client) {
        this.client = client;
        loop.scheduleWithFixedDelay(this::tick, 100, 150, TimeUnit.MILLISECONDS);
    }

    /** Acts in this namespace (and others named so); without any, in every namespace. */
    public SimulatedControllers run(String namespace) {
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
        try {
            client.batch().v1().jobs().inAnyNamespace().withLabel(Generation.BUILD_LABEL).list().getItems().stream()
                    .filter(j -> watched(j.getMetadata().getNamespace()))
                    .filter(j -> j.getStatus() == null || j.getStatus().getConditions() == null || j.getStatus().getConditions().isEmpty())
                    .forEach(this::finish);
            client.apps().deployments().inAnyNamespace().withLabel(Generation.GENERATION_LABEL).list().getItems().stream()
                    .filter(d -> watched(d.getMetadata().getNamespace()))
                    .filter(d -> d.getStatus() == null || d.getStatus().getObservedGeneration() == null
                            || d.getStatus().getObservedGeneration() < generationOf(d))
                    .forEach(this::rollOut);
        } catch (RuntimeException e) {
            LOG.debugf(e, "simulated controllers: the next tick tries again");
        }
    }

    private boolean watched(String namespace) {
        return namespaces.isEmpty() || namespaces.contains(namespace);
    }

    private void finish(Job job) {
        String failure = failingJobs.get(job.getMetadata().getNamespace());
        job.setStatus(failure == null
                ? new JobStatusBuilder().withSucceeded(1).withConditions(new JobConditionBuilder().withType("Complete").withStatus("True").build()).build()
                : new JobStatusBuilder().withFailed(3).withConditions(new JobConditionBuilder().withType("Failed").withStatus("True")
                        .withReason("BackoffLimitExceeded").withMessage(failure).build()).build());
        client.resource(job).updateStatus();
        LOG.infof("simulated: Job %s/%s %s (nothing was built: no nodes run here)", job.getMetadata().getNamespace(),
                job.getMetadata().getName(), failure == null ? "completed" : "failed: " + failure);
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
            LOG.infof("simulated: Deployment %s/%s exceeded its progress deadline", d.getMetadata().getNamespace(), d.getMetadata().getName());
            return;
        }
        d.setStatus(new DeploymentStatusBuilder().withObservedGeneration(generationOf(d)).withReplicas(replicas).withReadyReplicas(replicas)
                .withAvailableReplicas(replicas).withUpdatedReplicas(replicas)
                .withConditions(new DeploymentConditionBuilder().withType("Available").withStatus("True").withReason("MinimumReplicasAvailable").build())
                .build());
        client.resource(d).updateStatus();
        LOG.infof("simulated: Deployment %s/%s rolled out, %d/%d available (no container runs here)", d.getMetadata().getNamespace(),
                d.getMetadata().getName(), replicas, replicas);
    }

    private static long generationOf(Deployment d) {
        return d.getMetadata().getGeneration() == null ? 1 : d.getMetadata().getGeneration();
    }

    @Override
    public void close() {
        loop.shutdownNow();
    }
}
