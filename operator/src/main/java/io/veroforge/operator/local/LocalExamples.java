package io.veroforge.operator.local;

import io.veroforge.localapi.LocalCheckout;
import io.veroforge.localapi.SimulatedControllers;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.veroforge.operator.delivery.git.AppGitCredentials;
import io.veroforge.operator.delivery.git.PlatformGit;

/**
 * In {@code --local} mode, once the operator runs: applies {@code crds/examples/*.yaml}
 * (cluster-scoped objects such as Tenants first; namespaced ones once their namespace exists,
 * since {@code tenant-acme} is created by the Tenant reconciler) and prints where everything
 * is. Does nothing in production.
 */
@ApplicationScoped
public class LocalExamples {

    private static final Logger LOG = Logger.getLogger(LocalExamples.class);
    private static final Duration NAMESPACE_WAIT = Duration.ofSeconds(60);

    @Inject
    KubernetesClient client;

    @Inject
    PlatformGit git;

    private SimulatedControllers controllers;

    void onStop(@Observes ShutdownEvent event) {
        if (controllers != null) {
            controllers.close();
        }
    }

    void onStart(@Observes StartupEvent event) {
        boolean local = ConfigProvider.getConfig()
                .getOptionalValue(LocalPlatform.ENABLED_PROPERTY, Boolean.class).orElse(false);
        boolean examples = ConfigProvider.getConfig()
                .getOptionalValue("veroforge-local.examples", Boolean.class).orElse(true);
        if (!local) {
            return;
        }
        // No nodes run here: build Jobs and app Deployments would wait forever without this
        // (unless a standalone local API runs them, as kube-controller-manager would).
        boolean simulate = ConfigProvider.getConfig().getOptionalValue(LocalPlatform.SIMULATE_PROPERTY, Boolean.class).orElse(true);
        if (simulate) {
            controllers = new SimulatedControllers(client);
        }
        LOG.info("--local has no nodes: build Jobs complete and app Deployments roll out by simulation (SimulatedControllers); nothing is built or started");
        if (!examples) {
            return;
        }
        // the operator's informers must not wait for this; namespaces appear only once it reconciles
        Thread worker = new Thread(this::applyExamplesThenPrintSummary, "veroforge-local-examples");
        worker.setDaemon(true);
        worker.start();
    }

    private void applyExamplesThenPrintSummary() {
        List<String> applied = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        try {
            List<HasMetadata> objects = LocalCheckout.findRoot()
                    .map(root -> load(root.resolve("crds/examples"))).orElse(List.of());
            // A Generation is the operator's record of a run, made from an AppSpec: its example documents the shape only.
            objects = objects.stream().filter(o -> !"Generation".equals(o.getKind())).toList();
            objects.stream().filter(o -> o.getMetadata().getNamespace() == null)
                    .forEach(o -> applied.add(apply(o)));
            Instant deadline = Instant.now().plus(NAMESPACE_WAIT);
            for (HasMetadata o : objects.stream().filter(o -> o.getMetadata().getNamespace() != null).toList()) {
                if (awaitNamespace(o.getMetadata().getNamespace(), deadline)) {
                    applied.add(apply(o));
                } else {
                    skipped.add(describe(o) + " (namespace " + o.getMetadata().getNamespace() + " never appeared)");
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "Applying the examples failed");
        }
        printSummary(System.out, applied, skipped, git);
    }

    private List<HasMetadata> load(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<HasMetadata> objects = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted().toList()) {
                try (InputStream in = Files.newInputStream(f)) {
                    objects.addAll(client.load(in).items());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return objects;
    }

    private String apply(HasMetadata object) {
        try {
            // created when absent; one that exists (a standalone API outlives operator restarts) keeps its edits
            if (client.resource(object).get() == null) {
                client.resource(object).create();
            }
            return describe(object);
        } catch (RuntimeException e) {
            LOG.warnf("Example %s was not applied: %s", describe(object), e.getMessage());
            return describe(object) + " (failed: " + e.getMessage() + ")";
        }
    }

    private boolean awaitNamespace(String namespace, Instant deadline) {
        while (Instant.now().isBefore(deadline)) {
            if (client.namespaces().withName(namespace).get() != null) {
                return true;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static String describe(HasMetadata o) {
        return o.getKind() + " " + (o.getMetadata().getNamespace() == null ? "" : o.getMetadata().getNamespace() + "/")
                + o.getMetadata().getName();
    }

    static void printSummary(PrintStream out, List<String> applied, List<String> skipped, PlatformGit git) {
        var config = ConfigProvider.getConfig();
        String kubeconfig = config.getOptionalValue("veroforge-local.kubeconfig", String.class).orElse("?");
        int httpPort = config.getOptionalValue("quarkus.http.port", Integer.class).orElse(8080);
        StringBuilder s = new StringBuilder("\n=== VeroForge is running locally ===\n");
        s.append("Kubernetes API : ").append(config.getOptionalValue("veroforge-local.api-url", String.class)
                .orElse("?")).append(" (in-process, CRUD mock; ")
                .append(config.getOptionalValue("veroforge-local.crds", String.class).orElse("0"))
                .append(" VeroForge CRDs installed)\n");
        s.append("kubeconfig     : ").append(kubeconfig).append('\n');
        s.append("                 export KUBECONFIG=").append(kubeconfig).append('\n');
        s.append("PostgreSQL     : ").append(config.getOptionalValue("veroforge-local.postgres", String.class)
                .orElse("?")).append('\n');
        s.append("Metrics        : http://localhost:").append(httpPort).append("/q/metrics\n");
        s.append("Health         : http://localhost:").append(httpPort).append("/q/health\n");
        config.getOptionalValue(LocalConsole.SUMMARY_PROPERTY, String.class).ifPresent(c -> s.append("Console        : ").append(c).append('\n'));
        config.getOptionalValue("veroforge-local.metrics", String.class).ifPresent(m -> s.append("Canary metrics : ").append(m)
                .append(" (simulated: no app processes run here; curl -X PUT -d bad ").append(m)
                .append("/simulate/revisions/<generation> makes one fail)\n"));
        s.append("App repos (Git): ").append(git.baseUrl()).append(" (read-only; kept in ").append(git.root())
                .append(")\n");
        s.append("                 git clone ").append(cloneUrlWithCredentials(git.baseUrl())).append('\n');
        s.append("                 password: kubectl get secret <app>").append(AppGitCredentials.SECRET_SUFFIX)
                .append(" -n <namespace> -o jsonpath='{.data.password}' | base64 -d\n");
        s.append("Examples       : ").append(applied.isEmpty() ? "none applied" : String.join(", ", applied))
                .append('\n');
        skipped.forEach(x -> s.append("  skipped      : ").append(x).append('\n'));
        s.append("Try:\n");
        s.append("  kubectl get veroforge -A\n");
        s.append("  kubectl get tenants\n");
        s.append("  kubectl wait --for=condition=Ready tenant/acme --timeout=30s\n");
        s.append("  kubectl get ns,resourcequota,limitrange -A\n");
        s.append("  kubectl get canaries -n tenant-acme -w\n");
        s.append("  kubectl delete tenant acme\n");
        out.println(s);
    }

    /** {@code http://<app>:<password>@host:port/<namespace>/<app>.git}, the placeholders left for the user. */
    static String cloneUrlWithCredentials(String baseUrl) {
        int afterScheme = baseUrl.indexOf("://") + 3;
        return baseUrl.substring(0, afterScheme) + "<app>:<password>@" + baseUrl.substring(afterScheme)
                + "/<namespace>/<app>.git";
    }
}
