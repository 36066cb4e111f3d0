package io.veroforge.operator.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.veroforge.operator.db.SharedPostgres;
import io.veroforge.operator.db.TenantDatabaseProvisioner;

/** Wires the plain-Java database provisioner to the platform's configuration. */
public class DatabaseProvisionerProducer {

    @Produces
    @Singleton
    TenantDatabaseProvisioner provisioner(PlatformConfig config) {
        PlatformConfig.Postgres pg = config.postgres();
        return new TenantDatabaseProvisioner(new SharedPostgres(pg.jdbcUrl(), pg.adminUser(),
                pg.adminPassword().orElse(null), pg.appHost(), pg.appPort()));
    }
}
