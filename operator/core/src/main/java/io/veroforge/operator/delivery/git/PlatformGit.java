package io.veroforge.operator.delivery.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.jboss.logging.Logger;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.veroforge.operator.config.PlatformConfig;

/**
 * The platform-kept app repositories as the running operator has them: the root directory of
 * {@code veroforge.git.*} (created if missing) and the read-only {@link GitHttpServer} serving it,
 * started before the operator reconciles and stopped with the application. Reconcilers ask it for
 * {@link #repositories()} and for the URL clients clone an app from ({@link #cloneUrl}).
 * <p>
 * {@code veroforge.git.public-url} may contain {@value #PORT_PLACEHOLDER}, replaced by the port
 * the server actually listens on. With {@code veroforge.git.http-port=0} (tests, local run, dev
 * mode) that port is known only once the server is up, so {@code http://127.0.0.1:{port}} is how
 * they learn the real URL. With the server disabled ({@code http-port=-1}, another server serves
 * the root) the public URL is used as given and may not contain the placeholder.
 */
@ApplicationScoped
public class PlatformGit {
    public static final String PORT_PLACEHOLDER = "{port}";
    /** QOSDK starts the operator at StartupEvent priority 3123; the server must be up before any reconcile. */
    static final int BEFORE_THE_OPERATOR_STARTS = Interceptor.Priority.APPLICATION;

    private static final Logger LOG = Logger.getLogger(PlatformGit.class);

    private final Path root;
    private final int httpPort;
    private final String bindAddress;
    private final String publicUrl;
    private final RepositoryCredentials credentials;
    private GitHttpServer server;
    private volatile PlatformRepositories repositories;

    @Inject
    public PlatformGit(PlatformConfig config, KubernetesClient client) {
        this(config.git(), new SecretRepositoryCredentials(client));
    }

    PlatformGit(PlatformConfig.Git git, RepositoryCredentials credentials) {
        this.root = Path.of(git.root()).toAbsolutePath().normalize();
        this.httpPort = git.httpPort();
        this.bindAddress = git.bindAddress();
        this.publicUrl = git.publicUrl();
        this.credentials = credentials;
    }

    void onStart(@Observes @Priority(BEFORE_THE_OPERATOR_STARTS) StartupEvent event) {
        start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /**
     * Creates the root if missing and starts serving it unless the server is disabled.
     *
     * @throws IllegalStateException when the root cannot be created, the port cannot be bound, or
     *         the public URL has a {@value #PORT_PLACEHOLDER} but no server fills it in
     */
    public synchronized void start() {
        if (repositories != null) {
            return;
        }
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new IllegalStateException("veroforge.git.root " + root + " cannot be created: " + e.getMessage(),
                    new UncheckedIOException(e));
        }
        if (httpPort < 0) {
            if (publicUrl.contains(PORT_PLACEHOLDER)) {
                throw new IllegalStateException("veroforge.git.public-url " + publicUrl + " contains " + PORT_PLACEHOLDER
                        + " but veroforge.git.http-port is " + httpPort + " (no server): give the URL of the server that serves " + root);
            }
            LOG.infof("Git HTTP server disabled (veroforge.git.http-port=%d); app repositories under %s are cloned from %s",
                    httpPort, root, publicUrl);
            repositories = new PlatformRepositories(root, publicUrl);
            return;
        }
        // the server reads repositories only by path; the clone URL is known once the port is
        GitHttpServer started = new GitHttpServer(new PlatformRepositories(root, publicUrl), credentials, bindAddress);
        started.start(httpPort);
        server = started;
        repositories = new PlatformRepositories(root, withPort(publicUrl, started.port()));
        LOG.infof("App repositories are cloned from %s/<namespace>/<app>.git", baseUrl());
    }

    /** Stops the server; the repositories stay on disk. */
    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
        repositories = null;
    }

    /** @throws IllegalStateException before {@link #start()} (in Quarkus: before StartupEvent) */
    public PlatformRepositories repositories() {
        PlatformRepositories current = repositories;
        if (current == null) {
            throw new IllegalStateException("the platform's Git repositories are not ready: PlatformGit has not started");
        }
        return current;
    }

    /** The port the Git HTTP server listens on; empty when it is disabled or not running. */
    public synchronized OptionalInt port() {
        return server == null ? OptionalInt.empty() : OptionalInt.of(server.port());
    }

    /** How clients reach the repositories, without a trailing {@code /}, e.g. {@code http://127.0.0.1:40123}. */
    public String baseUrl() {
        return repositories().baseUrl();
    }

    /**
     * {@code <public URL>/<namespace>/<app>.git}, what ArgoCD, kaniko and the customer clone.
     *
     * @throws IllegalArgumentException when namespace or app is not a DNS-1123 label
     */
    public String cloneUrl(String namespace, String app) {
        return repositories().cloneUrl(namespace, app);
    }

    /** The root holding {@code <namespace>/<app>.git}. */
    public Path root() {
        return root;
    }

    /** {@code url} with every {@value #PORT_PLACEHOLDER} replaced by {@code port}. */
    static String withPort(String url, int port) {
        return url.replace(PORT_PLACEHOLDER, String.valueOf(port));
    }
}
