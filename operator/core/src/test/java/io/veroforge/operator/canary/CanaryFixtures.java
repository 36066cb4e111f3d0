package io.veroforge.operator.canary;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.veroforge.api.v1alpha1.Canary;
import io.veroforge.api.v1alpha1.CanaryAnalysis;
import io.veroforge.api.v1alpha1.CanarySpec;
import io.veroforge.api.v1alpha1.CanaryStep;
import io.veroforge.api.v1alpha1.CanaryTarget;
import io.veroforge.api.v1alpha1.Kpi;
import io.veroforge.api.v1alpha1.KpiOperator;
import io.veroforge.operator.delivery.DeliveryLabels;
import io.veroforge.operator.events.EventRecorder;

/**
 * A Canary world on the CRUD mock API: the Canary CRD (the committed YAML), a stable Deployment and
 * its canary beside it, and the Canary reconciler in a JOSDK operator of its own, which a test can
 * stop and start again as a restart would.
 */
final class CanaryFixtures {
    static final Path REPO = Path.of(System.getProperty("vf.repo.root", "../.."));

    private CanaryFixtures() {
    }

    static void installCrd(KubernetesClient client) throws Exception {
        try (InputStream in = Files.newInputStream(REPO.resolve("crds/crd/canaries.veroforge.io-v1.yml"))) {
            CustomResourceDefinition crd = client.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
            client.resource(crd).createOr(c -> c.update());
        }
    }

    /** {@code name} (revision r1) and {@code name-canary} (revision r2), labelled as a Generation's Deployments are. */
    static void deployments(KubernetesClient client, String namespace, String name, int replicas) {
        deployments(client, namespace, name, replicas, "r2");
    }

    static void deployments(KubernetesClient client, String namespace, String name, int replicas, String canaryRevision) {
        client.resource(deployment(namespace, name, "r1", replicas, null)).create();
        client.resource(deployment(namespace, name + DeliveryLabels.CANARY_SUFFIX, canaryRevision, 0, "canary")).create();
    }

    static Deployment deployment(String namespace, String name, String revision, int replicas, String role) {
        Map<String, String> labels = new java.util.LinkedHashMap<>(Map.of(DeliveryLabels.GENERATION, "app-" + revision,
                DeliveryLabels.REVISION, revision, "app", "shop-api"));
        if (role != null) {
            labels.put(DeliveryLabels.CANARY_ROLE, role);
        }
        return new DeploymentBuilder().withNewMetadata().withNamespace(namespace).withName(name).withLabels(labels).endMetadata()
                .withNewSpec().withReplicas(replicas).withNewSelector().withMatchLabels(labels).endSelector()
                .withNewTemplate().withNewMetadata().withLabels(labels).endMetadata()
                .withNewSpec().addNewContainer().withName("api").withImage("registry.test.invalid/shop-api:" + revision)
                .addNewEnv().withName("REVISION").withValue(revision).endEnv().endContainer().endSpec()
                .endTemplate().endSpec().build();
    }

    static Canary canary(String namespace, String name, String deployment, String interval, String address, int... weights) {
        Canary canary = new Canary();
        canary.getMetadata().setNamespace(namespace);
        canary.getMetadata().setName(name);
        CanarySpec spec = new CanarySpec();
        CanaryTarget target = new CanaryTarget();
        target.setDeployment(deployment);
        spec.setTarget(target);
        List<CanaryStep> steps = new ArrayList<>();
        for (int w : weights) {
            steps.add(new CanaryStep(w, interval));
        }
        spec.setSteps(steps);
        CanaryAnalysis analysis = new CanaryAnalysis();
        analysis.setInterval(interval);
        analysis.setWindow(interval);
        spec.setAnalysis(analysis);
        spec.setKpis(List.of(new Kpi("error_rate", 0.05, KpiOperator.lt, 50), new Kpi("latency_p95_ms", 400.0, KpiOperator.lt, 30),
                new Kpi("request_rate", 0.0, KpiOperator.gt, 20)));
        spec.setPassScore(80);
        spec.getMetricsProvider().setAddress(address);
        canary.setSpec(spec);
        return canary;
    }

    static int replicas(KubernetesClient client, String namespace, String name) {
        return client.apps().deployments().inNamespace(namespace).withName(name).get().getSpec().getReplicas();
    }

    /** The reconciler in an operator of its own (a restart is stop, then a new one). */
    static Operator operator(KubernetesClient client, String prometheus) {
        Operator operator = new Operator(o -> o.withKubernetesClient(client).withCloseClientOnStop(false)
                .withUseSSAToPatchPrimaryResource(false).withSSABasedCreateUpdateMatchForDependentResources(false));
        operator.register(new CanaryReconciler(config(prometheus), new EventRecorder(client)));
        operator.start();
        return operator;
    }

    static CanaryConfig config(String prometheus) {
        return new CanaryConfig() {
            @Override
            public String prometheusAddress() {
                return prometheus;
            }

            @Override
            public Duration queryTimeout() {
                return Duration.ofSeconds(2);
            }

            @Override
            public java.util.Optional<String> metricsAddressOverride() {
                return java.util.Optional.empty();
            }
        };
    }
}
