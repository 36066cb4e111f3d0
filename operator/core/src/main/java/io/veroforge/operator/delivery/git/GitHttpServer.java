package io.veroforge.operator.delivery.git;

import java.util.EnumSet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;

import org.eclipse.jetty.ee10.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.http.server.GitServlet;
import org.eclipse.jgit.http.server.resolver.AsIsFileService;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.resolver.ServiceNotEnabledException;
import org.jboss.logging.Logger;

/**
 * Serves the platform-kept app repositories ({@link PlatformRepositories}) read-only over Git smart
 * HTTP, on its own port with embedded Jetty, each request authenticated with HTTP Basic against
 * that app's credentials ({@link RepositoryCredentials}). Pushes and the dumb HTTP protocol are
 * refused; unknown repositories are 404 and are never created on read.
 * <p>
 * A user clones an app with
 * {@code git clone http://<app>:<password>@<host>:8081/<namespace>/<app>.git}, the password being
 * {@code kubectl -n <namespace> get secret <app>-git-credentials -o jsonpath='{.data.password}' | base64 -d}.
 */
public final class GitHttpServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(GitHttpServer.class);

    private final PlatformRepositories repositories;
    private final RepositoryCredentials credentials;
    private final String bindAddress;
    private Server server;
    private ServerConnector connector;

    /**
     * @param bindAddress the interface to listen on, e.g. {@code 0.0.0.0} in the cluster or
     *        {@code 127.0.0.1} for a local platform
     */
    public GitHttpServer(PlatformRepositories repositories, RepositoryCredentials credentials, String bindAddress) {
        this.repositories = repositories;
        this.credentials = credentials;
        this.bindAddress = bindAddress;
    }

    /**
     * Starts listening; port 0 picks a free port, see {@link #port()}.
     *
     * @throws IllegalStateException when already started or the port cannot be bound
     */
    public synchronized void start(int port) {
        if (server != null) {
            throw new IllegalStateException("the Git HTTP server is already running on port " + port());
        }
        QueuedThreadPool threads = new QueuedThreadPool(64, 2);
        threads.setName("veroforge-git-http");
        Server jetty = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector listener = new ServerConnector(jetty, new HttpConnectionFactory(http));
        listener.setHost(bindAddress);
        listener.setPort(port);
        jetty.addConnector(listener);

        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
        context.setContextPath("/");
        ErrorPageErrorHandler errors = new ErrorPageErrorHandler();
        errors.setShowStacks(false);
        errors.setShowServlet(false);
        context.setErrorHandler(errors);
        context.addFilter(new FilterHolder(new BasicAuthFilter(credentials)), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder("git", gitServlet()), "/*");
        jetty.setHandler(context);
        try {
            jetty.start();
        } catch (Exception e) {
            try {
                jetty.stop();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new IllegalStateException("the Git HTTP server could not start on " + bindAddress + ":" + port, e);
        }
        server = jetty;
        connector = listener;
        LOG.infof("Serving app repositories under %s read-only over Git HTTP on %s:%d",
                repositories.root(), bindAddress, port());
    }

    /** The port listened on; useful after {@code start(0)}. */
    public synchronized int port() {
        if (connector == null) {
            throw new IllegalStateException("the Git HTTP server is not running");
        }
        return connector.getLocalPort();
    }

    /** Stops listening and waits for requests in flight; does nothing when not running. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("The Git HTTP server did not stop cleanly", e);
        } finally {
            server = null;
            connector = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private GitServlet gitServlet() {
        GitServlet git = new GitServlet();
        git.setRepositoryResolver(this::openAuthenticated);
        // read-only: clients fetch, the operator is the only writer
        git.setReceivePackFactory((request, repository) -> {
            throw new ServiceNotEnabledException();
        });
        // smart HTTP only: the dumb protocol would hand out files of the repository directory as-is
        git.setAsIsFileService(AsIsFileService.DISABLED);
        return git;
    }

    /** Opens the repository named in the request only if it is the one the request authenticated for. */
    private Repository openAuthenticated(HttpServletRequest request, String name) throws RepositoryNotFoundException {
        Object authenticated = request.getAttribute(BasicAuthFilter.AUTHENTICATED_REPOSITORY);
        AppRepositoryName requested = AppRepositoryName.parse(name)
                .filter(r -> r.equals(authenticated))
                .orElseThrow(() -> new RepositoryNotFoundException(name));
        return repositories.open(requested).orElseThrow(() -> new RepositoryNotFoundException(name));
    }
}
