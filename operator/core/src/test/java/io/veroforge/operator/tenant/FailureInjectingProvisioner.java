package io.veroforge.operator.tenant;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.veroforge.api.v1alpha1.Tier;
import io.veroforge.operator.db.ProvisionedDatabase;
import io.veroforge.operator.db.SharedPostgres;
import io.veroforge.operator.db.TenantDatabaseProvisioner;

/**
 * The real provisioner, except that a Tenant whose name ends in {@code -bug} meets a
 * NullPointerException in provisioning, every time: how a bug in the operator looks from outside.
 * Selected for all tests (one Quarkus boot); every other Tenant is provisioned for real.
 */
public class FailureInjectingProvisioner {

    @Produces
    @Alternative
    @Priority(1)
    @Singleton
    TenantDatabaseProvisioner provisioner(SharedPostgres server) {
        return new TenantDatabaseProvisioner(server) {
            @Override
            public ProvisionedDatabase ensure(String tenantName, String tenantUid, Tier tier, String password) {
                if (tenantName.endsWith("-bug")) {
                    String missing = null;
                    return new ProvisionedDatabase(missing.trim(), 0, null, null, null);
                }
                return super.ensure(tenantName, tenantUid, tier, password);
            }
        };
    }
}
