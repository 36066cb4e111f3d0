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
}
