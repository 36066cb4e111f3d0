package io.veroforge.operator.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.http.server.GitServlet;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.resolver.RepositoryResolver;
import org.eclipse.jgit.transport.resolver.ServiceNotEnabledException;

/**
 * A customer's own Git host for the tests: real Git smart HTTP (JGit's GitServlet on Jetty), with
 * pushes allowed and HTTP Basic authentication, so an AppSpec can name it as its remote
 * repository (https://github.com/... in production) and the test can push edits to main the way
 * a developer would.
 */
public final class CustomerGitHost implements AutoCloseable {
    public static final String USER = "ci-bot";
    public static final String TOKEN = "s3cret-token";

    private final Path root;
    private final Server server;

    public CustomerGitHost(Path root) throws Exception {
        this.root = root;
        Files.createDirectories(root);
        GitServlet git = new GitServlet();
        RepositoryResolver<HttpServletRequest> resolver = (req, name) -> {
            Path dir = root.resolve(name).normalize();
            if (!dir.startsWith(root) || !Files.isDirectory(dir)) {
                throw new org.eclipse.jgit.errors.RepositoryNotFoundException(name);
            }
            try {
                return new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).build();
            } catch (IOException e) {
                throw new ServiceNotEnabledException(e.getMessage(), e);
            }
        };
        git.setRepositoryResolver(resolver);
        git.setReceivePackFactory((req, db) -> new ReceivePack(db));
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(git), "/*");
        Filter basicAuth = (request, response, chain) -> {
            String header = ((HttpServletRequest) request).getHeader("Authorization");
            String expected = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + TOKEN).getBytes(StandardCharsets.UTF_8));
            if (!expected.equals(header)) {
                HttpServletResponse http = (HttpServletResponse) response;
                http.setHeader("WWW-Authenticate", "Basic realm=\"customer\"");
                http.sendError(401);
                return;
            }
            chain.doFilter(request, response);
        };
        context.addFilter(new FilterHolder(basicAuth), "/*", null);
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(context);
        server.start();
    }

    /** An empty bare repository {@code <name>.git}; returns its URL. */
    public String create(String name) throws Exception {
        try (Git ignored = Git.init().setBare(true).setInitialBranch("main").setDirectory(root.resolve(name + ".git").toFile()).call()) {
            return url(name);
        }
    }

    public String url(String name) {
        return "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + "/" + name + ".git";
    }

    public Repository open(String name) throws IOException {
        return new FileRepositoryBuilder().setGitDir(root.resolve(name + ".git").toFile()).setMustExist(true).build();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
