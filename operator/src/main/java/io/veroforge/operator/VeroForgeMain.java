package io.veroforge.operator;

import java.util.Arrays;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.veroforge.localapi.LocalCheckout;
import io.veroforge.localapi.LocalKubeconfig;
import io.veroforge.localapi.StandaloneLocalApi;
import io.veroforge.operator.local.LocalConsole;
import io.veroforge.operator.local.LocalPlatform;

/**
 * The operator's entry point. Plain: runs Quarkus against the configured cluster. With
 * {@code --local} (or {@code VEROFORGE_LOCAL=true}): first starts an in-process Kubernetes API
 * with the CRDs, a PostgreSQL and a kubeconfig ({@link LocalPlatform}), and points the
 * operator at them, and starts the built web console beside it ({@link LocalConsole}), so one
 * command gives a working platform on a fresh machine.
 */
@QuarkusMain
public class VeroForgeMain {
    /** Only the local Kubernetes API, as a process of its own ({@link StandaloneLocalApi}). */
    static final String LOCAL_API_FLAG = "--local-api";

    public static void main(String... args) throws InterruptedException {
        if (Arrays.asList(args).contains(LOCAL_API_FLAG)) {
            StandaloneLocalApi.main();
        } else if (LocalPlatform.requested(args, System.getenv())) {
            int port = Integer.getInteger("veroforge-local.api-port", 0);
            LocalPlatform platform;
            try {
                platform = LocalPlatform.start(port, LocalKubeconfig.defaultFile());
            } catch (IllegalStateException | IllegalArgumentException refused) {
                System.err.println("veroforge --local: " + refused.getMessage());
                System.exit(2);
                return;
            }
            platform.applyToSystemProperties();
            System.out.println((platform.attached() ? "Attached to the standalone local Kubernetes API on " : "Local Kubernetes API on ")
                    + platform.apiUrl() + "; "
                    + platform.kubeconfig().exportCommand());
            LocalConsole console = LocalConsole.beside(LocalCheckout.findRoot(), platform.kubeconfig().file(),
                    platform.gitRoot().getParent().resolve("console.log"));
            System.setProperty(LocalConsole.SUMMARY_PROPERTY, console.summary());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (platform) {
                    console.close();
                }
            }, "veroforge-local-shutdown"));
            Quarkus.run(LocalPlatform.quarkusArgs(args));
        } else {
            Quarkus.run(args);
        }
    }
}
