package io.veroforge.operator.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.veroforge.operator.db.AppSchemaMigrator;
import io.veroforge.operator.db.SharedPostgres;
import io.veroforge.operator.db.TenantDatabaseProvisioner;

/** Wires the plain-Java database classes to the platform's configuration. */
public class DatabaseProvisionerProducer {

    @Produces
    @Singleton
    SharedPostgres sharedPostgres(PlatformConfig config) {
        PlatformConfig.Postgres pg = config.postgres();
        return new SharedPostgres(pg.jdbcUrl(), pg.adminUser(), pg.adminPassword().orElse(null), pg.appHost(), pg.appPort());
    }

    @Produces
    @Singleton
    TenantDatabaseProvisioner provisioner(SharedPostgres server) {
        return new TenantDatabaseProvisioner(server);
    }

    @Produces
    @Singleton
    AppSchemaMigrator migrator() {
        return new AppSchemaMigrator();
    }
}
