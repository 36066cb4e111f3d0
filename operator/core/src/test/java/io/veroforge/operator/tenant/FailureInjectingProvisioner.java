package io.veroforge.operator.tenant;

import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.veroforge.api.v1alpha1.Tier;
import io.veroforge.operator.db.DatabaseProvisioningException;
import io.veroforge.operator.db.ProvisionedDatabase;
import io.veroforge.operator.db.SharedPostgres;
import io.veroforge.operator.db.TenantDatabaseProvisioner;

/**
 * The real provisioner, except that a Tenant whose name ends in {@code -bug} meets a
 * NullPointerException in provisioning, every time (how a bug in the operator looks from
 * outside), and one ending in {@code -undroppable} cannot be dropped, as when its role still owns
 * objects in another database of the server.
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

            @Override
            public List<String> drop(String tenantName, String tenantUid, Tier tier) {
                if (tenantName.endsWith("-undroppable")) {
                    throw new DatabaseProvisioningException("Dropping schema of tenant " + tenantName + " failed: role \"tenant_"
                            + tenantName.replace('-', '_') + "_owner\" cannot be dropped because some objects depend on it [SQLState 2BP01]", null);
                }
                return super.drop(tenantName, tenantUid, tier);
            }
        };
    }
}
