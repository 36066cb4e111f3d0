package io.veroforge.localapi;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.veroforge.api.v1alpha1.CrdManifests;

/**
 * The local Kubernetes API as a process of its own ({@code quarkus-run.jar --local-api}): the
 * VeroForge CRDs installed, a kubeconfig written, and the simulated Job and Deployment controllers
 * running beside it, as kube-controller-manager runs beside a real API server. Its store lives as
 * long as this process, so operator processes can be started, killed and restarted against it
 * ({@code --local -Dveroforge-local.api-url=<url>}) while every object keeps its state.
 */
public final class StandaloneLocalApi implements AutoCloseable {

    private final LocalKubernetesApi api;
    private final KubernetesClient client;
    private final SimulatedControllers controllers;
    private final LocalKubeconfig kubeconfig;

    private StandaloneLocalApi(LocalKubernetesApi api, KubernetesClient client, SimulatedControllers controllers,
            LocalKubeconfig kubeconfig) {
        this.api = api;
        this.client = client;
        this.controllers = controllers;
        this.kubeconfig = kubeconfig;
    }

    /** Starts on 127.0.0.1:{@code port} (0: any free port) and writes {@code kubeconfigFile}. */
    public static StandaloneLocalApi start(int port, Path kubeconfigFile) {
        LocalKubernetesApi api = LocalKubernetesApi.start(port);
        try {
            api.install(CrdManifests.definitions());
            KubernetesClient client = api.newClient();
            return new StandaloneLocalApi(api, client, new SimulatedControllers(client), LocalKubeconfig.write(kubeconfigFile, api.url()));
        } catch (RuntimeException e) {
            api.close();
            throw e;
        }
    }

    public String url() {
        return api.url();
    }

    public LocalKubeconfig kubeconfig() {
        return kubeconfig;
    }

    /** Runs until the process is stopped (SIGTERM, Ctrl-C); the store is gone with it. */
    public static void main(String... args) throws InterruptedException {
        int port = Integer.getInteger("veroforge-local.api-port", 0);
        StandaloneLocalApi standalone = start(port, LocalKubeconfig.defaultFile());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            standalone.close();
            stopped.countDown();
        }, "veroforge-local-api-shutdown"));
        System.out.println("Local Kubernetes API on " + standalone.url() + " (CRDs installed, Jobs and Deployments simulated); "
                + standalone.kubeconfig().exportCommand());
        System.out.println("Start an operator against it: java -Dveroforge-local.api-url=" + standalone.url()
                + " -jar operator/target/quarkus-app/quarkus-run.jar --local");
        stopped.await();
    }

    @Override
    public void close() {
        try {
            controllers.close();
            client.close();
        } finally {
            api.close();
        }
    }
}
