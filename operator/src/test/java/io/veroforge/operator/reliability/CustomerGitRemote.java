package io.veroforge.operator.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

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
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.transport.resolver.ServiceNotEnabledException;

/**
 * A customer's own Git host for a chaos run: real smart HTTP with pushes (JGit's GitServlet on
 * Jetty) behind HTTP Basic, so an AppSpec can name one of its repositories as its remote and a
 * developer can push to {@code main} the way they would on GitHub. It runs in the harness's JVM,
 * so killing the operator never touches it; a {@link FaultProxy} in front of it is how the
 * operator loses it. (operator/core's tests have the same host, {@code CustomerGitHost}, in a
 * module this one cannot import.)
 */
public final class CustomerGitRemote implements AutoCloseable {
    public static final String USER = "ci-bot";
    public static final String TOKEN = "chaos-token";
    /** The Secret an AppSpec names for this host (created in the tenant's namespace by the scenario). */
    public static final String SECRET = "customer-git";

    private final Path root;
    private final Server server;

    public CustomerGitRemote(Path root) throws Exception {
        this.root = root;
        Files.createDirectories(root);
        GitServlet git = new GitServlet();
        git.setRepositoryResolver((HttpServletRequest req, String name) -> {
            Path dir = root.resolve(name).normalize();
            if (!dir.startsWith(root) || !Files.isDirectory(dir)) {
                throw new org.eclipse.jgit.errors.RepositoryNotFoundException(name);
            }
            try {
                return new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).build();
            } catch (IOException e) {
                throw new ServiceNotEnabledException(e.getMessage(), e);
            }
        });
        git.setReceivePackFactory((req, db) -> new ReceivePack(db));
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(git), "/*");
        String expected = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + TOKEN).getBytes(StandardCharsets.UTF_8));
        Filter basicAuth = (request, response, chain) -> {
            if (!expected.equals(((HttpServletRequest) request).getHeader("Authorization"))) {
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

    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /** The repository's path on a host reached at {@code port} (this one's, or a proxy's in front of it). */
    public static String url(int port, String name) {
        return "http://127.0.0.1:" + port + "/" + name + ".git";
    }

    /** A bare repository {@code <name>.git} whose {@code main} already holds the customer's own work. */
    public void create(String name, Map<String, String> customerFiles) throws Exception {
        try (Git ignored = Git.init().setBare(true).setInitialBranch("main").setDirectory(root.resolve(name + ".git").toFile()).call()) {
            // an empty repository: the first push makes main
        }
        push(name, customerFiles, "the customer's own start");
    }

    /**
     * A developer's commit on {@code main}: clone, write the files, commit, push (straight to this
     * host, not through the proxy: the customer's network is not the operator's). Returns the commit.
     */
    public String push(String name, Map<String, String> files, String message) throws Exception {
        Path work = Files.createTempDirectory("customer-" + name);
        UsernamePasswordCredentialsProvider login = new UsernamePasswordCredentialsProvider(USER, TOKEN);
        try (Git git = Git.cloneRepository().setURI(url(port(), name)).setDirectory(work.toFile()).setCredentialsProvider(login).call()) {
            if (git.getRepository().exactRef("HEAD").getObjectId() == null) {
                git.checkout().setOrphan(true).setName("main").call();
            }
            for (var file : files.entrySet()) {
                Path path = work.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
            }
            git.add().addFilepattern(".").call();
            RevCommit commit = git.commit().setMessage(message).setAuthor("Dev", "dev@customer.example")
                    .setCommitter("Dev", "dev@customer.example").call();
            git.push().setCredentialsProvider(login).setRemote("origin").add("main").call();
            return commit.name();
        } finally {
            deleteRecursively(work);
        }
    }

    public Repository open(String name) throws IOException {
        return new FileRepositoryBuilder().setGitDir(root.resolve(name + ".git").toFile()).setMustExist(true).build();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
