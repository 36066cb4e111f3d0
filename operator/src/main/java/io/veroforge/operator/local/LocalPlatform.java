package io.veroforge.operator.local;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.veroforge.api.v1alpha1.CrdManifests;

/**
 * Everything {@code --local} starts before Quarkus: the local Kubernetes API with the VeroForge
 * CRDs, a PostgreSQL, and the kubeconfig for kubectl. It then hands the operator its
 * configuration as system properties, which Quarkus reads when it starts.
 */
public final class LocalPlatform implements AutoCloseable {

    public static final String FLAG = "--local";
    public static final String ENV = "VEROFORGE_LOCAL";
    /** Tells {@link LocalExamples} (inside Quarkus) that it should apply the examples and print the summary. */
    public static final String ENABLED_PROPERTY = "veroforge-local.enabled";

    private final LocalKubernetesApi api;
    private final LocalPostgres postgres;
    private final LocalKubeconfig kubeconfig;
    private final List<CustomResourceDefinition> crds;

    private LocalPlatform(LocalKubernetesApi api, LocalPostgres postgres, LocalKubeconfig kubeconfig,
            List<CustomResourceDefinition> crds) {
        this.api = api;
        this.postgres = postgres;
        this.kubeconfig = kubeconfig;
        this.crds = crds;
    }

    public static boolean requested(String[] args, Map<String, String> env) {
        return Arrays.asList(args).contains(FLAG) || "true".equalsIgnoreCase(env.get(ENV));
    }

    /** The arguments Quarkus should see: everything but {@code --local}. */
    public static String[] quarkusArgs(String[] args) {
        return Arrays.stream(args).filter(a -> !a.equals(FLAG)).toArray(String[]::new);
    }

    public static LocalPlatform start(int apiPort, Path kubeconfigFile) {
        List<CustomResourceDefinition> crds = CrdManifests.definitions();
        LocalKubernetesApi api = LocalKubernetesApi.start(apiPort);
        try {
            api.install(crds);
            LocalPostgres postgres = LocalPostgres.start();
            LocalKubeconfig kubeconfig = LocalKubeconfig.write(kubeconfigFile, api.url());
            return new LocalPlatform(api, postgres, kubeconfig, crds);
        } catch (RuntimeException e) {
            api.close();
            throw e;
        }
    }

    /** The operator's configuration for this platform; set as system properties before Quarkus starts. */
    public Map<String, String> operatorProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("quarkus.kubernetes-client.api-server-url", api.url());
        p.put("quarkus.kubernetes-client.trust-certs", "true");
        p.put("quarkus.kubernetes-client.namespace", "default");
        p.put("veroforge.postgres.jdbc-url", postgres.jdbcUrl());
        p.put("veroforge.postgres.admin-user", postgres.adminUser());
        p.put("veroforge.postgres.admin-password", postgres.adminPassword());
        p.put("veroforge.postgres.app-host", postgres.host());
        p.put("veroforge.postgres.app-port", String.valueOf(postgres.port()));
        // the CRDs are already installed. quarkus.operator-sdk.enable-ssa is fixed at build time,
        // so server-side apply stays on and the local API approximates it (ServerSideApplyAsMergePatch)
        p.put("quarkus.operator-sdk.crd.apply", "false");
        p.put(ENABLED_PROPERTY, "true");
        p.put("veroforge-local.api-url", api.url());
        p.put("veroforge-local.kubeconfig", kubeconfig.file().toString());
        p.put("veroforge-local.postgres", postgres.describe());
        p.put("veroforge-local.crds", String.valueOf(crds.size()));
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

    public LocalKubernetesApi api() {
        return api;
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

    @Override
    public void close() {
        try {
            api.close();
        } finally {
            postgres.close();
        }
    }
}
