package io.veroforge.operator.local;

import io.veroforge.localapi.LocalCheckout;
import io.veroforge.localapi.LocalKubeconfig;
import io.veroforge.localapi.LocalKubernetesApi;
import io.veroforge.localapi.SimulatedPrometheus;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.veroforge.api.v1alpha1.CrdManifests;

/**
 * Everything {@code --local} starts before Quarkus: the local Kubernetes API with the VeroForge
 * CRDs, a PostgreSQL, and the kubeconfig for kubectl; it also picks where the app repositories
 * live ({@code .local/git}) and the Git HTTP server's port, which the operator's PlatformGit then
 * serves. It hands the operator this configuration as system properties, which Quarkus reads
 * when it starts.
 */
public final class LocalPlatform implements AutoCloseable {

    public static final String FLAG = "--local";
    public static final String ENV = "VEROFORGE_LOCAL";
    /** Tells {@link LocalExamples} (inside Quarkus) that it should apply the examples and print the summary. */
    public static final String ENABLED_PROPERTY = "veroforge-local.enabled";
    /** Set before start: use this standalone local API ({@code --local-api}) instead of starting one. */
    public static final String API_URL_PROPERTY = "veroforge-local.api-url";
    /** Whether this process runs the simulated Job and Deployment controllers (false when the standalone API does). */
    public static final String SIMULATE_PROPERTY = "veroforge-local.simulate";
    /** The Git HTTP server's port when it is free; otherwise any free port. */
    public static final int GIT_PORT = 8081;
    /** The operator's HTTP port (health, metrics) unless {@code -Dquarkus.http.port} says otherwise. */
    static final int HTTP_PORT = 8080;
    private static final String LOOPBACK = "127.0.0.1";

    /** The API this platform started in-process; null when it attached to a standalone one. */
    private final LocalKubernetesApi ownApi;
    private final String apiUrl;
    private final LocalPostgres postgres;
    private final LocalKubeconfig kubeconfig;
    private final List<CustomResourceDefinition> crds;
    private final Path gitRoot;
    private final int gitPort;
    /** No app processes run here, so nothing real could be scraped: Canaries query this instead. */
    private final SimulatedPrometheus metrics = SimulatedPrometheus.start(0);

    private LocalPlatform(LocalKubernetesApi ownApi, String apiUrl, LocalPostgres postgres, LocalKubeconfig kubeconfig,
            List<CustomResourceDefinition> crds, Path gitRoot, int gitPort) {
        this.ownApi = ownApi;
        this.apiUrl = apiUrl;
        this.postgres = postgres;
        this.kubeconfig = kubeconfig;
        this.crds = crds;
        this.gitRoot = gitRoot;
        this.gitPort = gitPort;
    }

    public static boolean requested(String[] args, Map<String, String> env) {
        return Arrays.asList(args).contains(FLAG) || "true".equalsIgnoreCase(env.get(ENV));
    }

    /** The arguments Quarkus should see: everything but {@code --local}. */
    public static String[] quarkusArgs(String[] args) {
        return Arrays.stream(args).filter(a -> !a.equals(FLAG)).toArray(String[]::new);
    }

    /**
     * @throws IllegalStateException with what to do when the operator's HTTP port is taken or another
     *     local platform runs on the same database: refused before anything is changed
     */
    public static LocalPlatform start(int apiPort, Path kubeconfigFile) {
        int httpPort = Integer.getInteger("quarkus.http.port", HTTP_PORT);
        if (httpPort != 0 && freeOrAny(httpPort) != httpPort) {
            throw new IllegalStateException("port " + httpPort + " on " + LOOPBACK + " is in use (another local platform?);"
                    + " stop it, or start this one with -Dquarkus.http.port=<free port> (0 picks one)");
        }
        String database = System.getProperty("veroforge-local.database", LocalPostgres.DATABASE);
        List<CustomResourceDefinition> crds = CrdManifests.definitions();
        String attachTo = System.getProperty(API_URL_PROPERTY);
        if (attachTo != null && !attachTo.isBlank()) {
            return attached(attachTo, database, kubeconfigFile, crds);
        }
        LocalKubernetesApi api = LocalKubernetesApi.start(apiPort);
        try {
            api.install(crds);
            LocalPostgres postgres = givenPostgres().orElseGet(() -> LocalPostgres.start(database));
            LocalKubeconfig kubeconfig = LocalKubeconfig.write(kubeconfigFile, api.url());
            Path gitRoot = checkoutGitRoot();
            // Like the database: the API forgets every AppSpec, so their repositories start over too.
            deleteRecursively(gitRoot);
            return new LocalPlatform(api, api.url(), postgres, kubeconfig, crds, gitRoot, freeOrAny(GIT_PORT));
        } catch (RuntimeException e) {
            api.close();
            throw e;
        }
    }

    /**
     * An operator against a standalone local API (one that outlives operator processes): its
     * objects still exist, so the database and the app repositories that belong to them are kept,
     * not made anew, and the API's own process simulates the controllers.
     */
    private static LocalPlatform attached(String apiUrl, String database, Path kubeconfigFile, List<CustomResourceDefinition> crds) {
        LocalPostgres postgres = givenPostgres().orElseGet(() -> LocalPostgres.attach(database));
        LocalKubeconfig kubeconfig = LocalKubeconfig.write(kubeconfigFile, apiUrl);
        return new LocalPlatform(null, apiUrl, postgres, kubeconfig, crds, checkoutGitRoot(), freeOrAny(GIT_PORT));
    }

    /** The user's own PostgreSQL, when named on the command line: then the local one is left alone. */
    private static java.util.Optional<LocalPostgres> givenPostgres() {
        String url = System.getProperty("veroforge.postgres.jdbc-url");
        return url == null || url.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(LocalPostgres.given(url));
    }

    private static Path checkoutGitRoot() {
        return LocalCheckout.findRoot().orElse(Path.of("").toAbsolutePath()).resolve(".local/git");
    }

    /** The operator's configuration for this platform; set as system properties before Quarkus starts. */
    public Map<String, String> operatorProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("quarkus.kubernetes-client.api-server-url", apiUrl);
        p.put("quarkus.kubernetes-client.trust-certs", "true");
        p.put("quarkus.kubernetes-client.namespace", "default");
        p.put("veroforge.postgres.jdbc-url", postgres.jdbcUrl());
        p.put("veroforge.postgres.admin-user", postgres.adminUser());
        p.put("veroforge.postgres.admin-password", postgres.adminPassword());
        p.put("veroforge.postgres.app-host", postgres.host());
        p.put("veroforge.postgres.app-port", String.valueOf(postgres.port()));
        // app repositories beside the kubeconfig, served to this machine only; {port} becomes the
        // port the server really got, which the start-up summary prints
        p.put("veroforge.git.root", gitRoot.toString());
        p.put("veroforge.git.http-port", String.valueOf(gitPort));
        p.put("veroforge.git.bind-address", LOOPBACK);
        p.put("veroforge.git.public-url", "http://" + LOOPBACK + ":{port}");
        // the CRDs are already installed. quarkus.operator-sdk.enable-ssa is fixed at build time,
        // so server-side apply stays on and the local API approximates it (MergingPatches)
        p.put("quarkus.operator-sdk.crd.apply", "false");
        p.put(ENABLED_PROPERTY, "true");
        p.put(API_URL_PROPERTY, apiUrl);
        // a standalone API runs the simulated controllers itself
        p.put(SIMULATE_PROPERTY, String.valueOf(ownApi != null));
        p.put("veroforge-local.kubeconfig", kubeconfig.file().toString());
        p.put("veroforge-local.postgres", postgres.describe());
        p.put("veroforge-local.crds", String.valueOf(crds.size()));
        p.put("veroforge.canary.metrics-address-override", metrics.address());
        p.put("veroforge-local.metrics", metrics.address());
        return p;
    }

    /**
     * Sets the operator's configuration; a value the user already gave on the command line
     * (e.g. {@code -Dveroforge.postgres.jdbc-url=...} to use another database) wins.
     */
    public void applyToSystemProperties() {
        operatorProperties().forEach((key, value) -> {
            if (System.getProperty(key) == null) {
                System.setProperty(key, value);
            }
        });
    }

    /** The local API's URL: started here, or the standalone one this platform attached to. */
    public String apiUrl() {
        return apiUrl;
    }

    public boolean attached() {
        return ownApi == null;
    }

    public LocalPostgres postgres() {
        return postgres;
    }

    public LocalKubeconfig kubeconfig() {
        return kubeconfig;
    }

    public List<CustomResourceDefinition> crds() {
        return crds;
    }

    /** Where the platform-kept app repositories are: {@code .local/git} of the checkout. */
    public Path gitRoot() {
        return gitRoot;
    }

    /** {@code preferred} if nothing listens on it on the loopback interface, else 0 (any free port). */
    static int freeOrAny(int preferred) {
        try (ServerSocket probe = new ServerSocket(preferred, 1, InetAddress.getByName(LOOPBACK))) {
            return preferred;
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public void close() {
        metrics.close();
        try {
            if (ownApi != null) {
                ownApi.close();
            }
        } finally {
            postgres.close();
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!java.nio.file.Files.exists(dir)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = java.nio.file.Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.delete(p);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("could not clear " + dir + " (the previous run's app repositories)", e);
        }
    }
}
