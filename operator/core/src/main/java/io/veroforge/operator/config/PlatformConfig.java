package io.veroforge.operator.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the platform is wired: the shared PostgreSQL, the namespaces it trusts, tenant defaults. */
@ConfigMapping(prefix = "veroforge")
public interface PlatformConfig {

    Postgres postgres();

    /** Namespace the operator and console run in; its pods may reach every tenant. */
    @WithDefault("veroforge-system")
    String platformNamespace();

    Tenant tenant();

    Generation generation();

    Git git();

    Build build();

    Delivery delivery();

    /** The shared PostgreSQL server that holds basic-tier schemas and pro-tier databases. */
    interface Postgres {
        /** Admin connection, to the maintenance database, e.g. jdbc:postgresql://db:5432/postgres. */
        @WithDefault("jdbc:postgresql://127.0.0.1:5432/postgres")
        String jdbcUrl();

        @WithDefault("postgres")
        String adminUser();

        Optional<String> adminPassword();

        /** Host name apps in the cluster use to reach the server (written to each tenant's Secret). */
        @WithDefault("127.0.0.1")
        String appHost();

        @WithDefault("5432")
        int appPort();

        /**
         * How the operator reaches an enterprise tenant's own cluster (CloudNativePG) to migrate its
         * apps' schemas, as the tenant's role: {@code {cluster}} and {@code {namespace}} are filled in.
         * The default is the cluster's read-write Service; an operator running outside the cluster
         * (or a test) points it elsewhere.
         */
        @WithDefault("jdbc:postgresql://{cluster}-rw.{namespace}.svc:5432/app")
        String clusterJdbcUrl();
    }

    interface Tenant {
        /** Namespace of the ingress controller, allowed to reach tenant pods. */
        @WithDefault("ingress-nginx")
        String ingressNamespace();

        @WithDefault("4")
        String defaultCpu();

        @WithDefault("8Gi")
        String defaultMemory();

        @WithDefault("20Gi")
        String defaultStorage();

        @WithDefault("50")
        int defaultPods();
    }

    /** How Generations run. */
    interface Generation {
        /** Threads running slow stages (synthesize, commit, migrate); a reconcile thread never waits for them. */
        @WithDefault("4")
        int workers();

        /** Slow stages waiting for a worker; beyond this a Generation waits and is rescheduled. */
        @WithDefault("256")
        int queue();

        /** How often a Generation stopped by a merge conflict looks whether the resolution reached the customer's branch. */
        @WithDefault("60s")
        java.time.Duration conflictRecheck();

        /**
         * A slow stage running on a worker longer than this is reported: a Warning log line and the
         * Generation's {@code Stalled} condition, so a stuck stage is seen rather than silent.
         */
        @WithDefault("5m")
        java.time.Duration stageStallAfter();
    }

    Metrics metrics();

    /** The operator's own Prometheus metrics. */
    interface Metrics {
        /**
         * JOSDK's reconciliation metrics per resource (name and namespace tags) instead of per kind.
         * Off by default: one time series per resource grows without bound; tests turn it on to count.
         */
        @WithDefault("false")
        boolean perResource();
    }

    /** Where the code of apps without a remote repository is kept and how it is served. */
    interface Git {
        /** Root of the platform-kept repositories: {@code <root>/<namespace>/<app>.git} (the operator's volume). */
        @WithDefault("/var/lib/veroforge/git")
        String root();

        /** Port of the read-only Git smart HTTP server; 0 picks a free port, -1 disables the server. */
        @WithDefault("8081")
        int httpPort();

        /** Address it binds to. */
        @WithDefault("0.0.0.0")
        String bindAddress();

        /**
         * How clients (ArgoCD, kaniko, people) reach that server; repositories are
         * {@code <url>/<namespace>/<app>.git}. {@code {port}} is replaced by the port the server
         * listens on, e.g. {@code http://127.0.0.1:{port}} with {@code http-port=0}.
         */
        @WithDefault("http://veroforge-git.veroforge-system.svc:8081")
        String publicUrl();
    }

    /** Who builds an app's images. */
    enum BuildStrategy {
        /** A kaniko Job per component in the tenant's namespace. */
        kaniko,
        /** The repository's own CI; the Generation waits for the veroforge.io/images annotation. */
        external
    }

    /** How a Generation's container images are built. */
    interface Build {
        /** kaniko: a Job per component in the tenant namespace. external: the repository's own CI builds and the Generation waits for the image references. */
        @WithDefault("kaniko")
        BuildStrategy strategy();

        /** Registry host (and path) images are pushed to: {@code <registry>/<tenant>/<app>-<component>:<commit>}. */
        @WithDefault("registry.veroforge-system.svc:5000")
        String registry();

        /** Secret (type kubernetes.io/dockerconfigjson) in the platform namespace with push credentials, copied into each tenant namespace that builds; unset: push without credentials. */
        Optional<String> registrySecret();

        /** The kaniko executor image, pinned. */
        @WithDefault("gcr.io/kaniko-project/executor:v1.23.2")
        String kanikoImage();
    }

    /** Where apps are deployed from and reached. */
    interface Delivery {
        /** Namespace ArgoCD watches for Applications (gitops mode). */
        @WithDefault("argocd")
        String argocdNamespace();

        /** Public domain of apps, {@code https://<app>.<tenant>.<domain>}; unset: the in-cluster URL of the UI Service. */
        Optional<String> appsDomain();

        /**
         * Apply an app's manifests with server-side apply (field manager veroforge). Only the tests turn it off:
         * the CRUD mock API server has no server-side apply, so they create or replace instead.
         */
        @WithDefault("true")
        boolean serverSideApply();
    }
}
