package io.veroforge.operator.db;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the collisions the old app-schema names ({@code <tenant schema>_<app>}) allow between
 * basic-tier tenants, which share one database: an app whose old schema name is another
 * tenant's schema name ({@code acme}/{@code studio} and Tenant {@code acme-studio}). Pro and
 * enterprise tenants keep their apps' schemas in a database of their own, where no other tenant's
 * names are. Pure: which of these names exist on the server is asked separately.
 */
public final class OldNameCollisions {

    /** Tenant {@code tenant}'s schema is also the old name of app {@code app}'s schema in Tenant {@code appTenant}. */
    public record Collision(String schema, String tenant, String appTenant, String app) {

        /** What both Tenants are told. */
        public String message() {
            return "schema " + schema + " is both Tenant " + tenant + "'s schema and, under the app-schema names of older"
                    + " VeroForge versions, the schema of app " + app + " of Tenant " + appTenant + "; one of them may hold the"
                    + " other's data or have taken over its ownership. Nothing is changed until a person decides; "
                    + OwnedObjects.SEE;
        }

        public boolean concerns(String tenantName) {
            return tenant.equals(tenantName) || appTenant.equals(tenantName);
        }
    }

    private OldNameCollisions() {
    }

    /**
     * @param basicTenants the names of the basic-tier Tenants
     * @param appsByTenant the apps (AppSpec names) of each basic-tier Tenant
     */
    public static List<Collision> among(Collection<String> basicTenants, Map<String, ? extends Collection<String>> appsByTenant) {
        Map<String, String> tenantBySchema = new HashMap<>();
        for (String tenant : basicTenants) {
            tenantBySchema.put(TenantDatabaseNames.of(tenant).schema(), tenant);
        }
        List<Collision> collisions = new ArrayList<>();
        appsByTenant.forEach((appTenant, apps) -> {
            String tenantSchema = TenantDatabaseNames.of(appTenant).schema();
            for (String app : apps) {
                String old = AppSchemaName.of(tenantSchema, app).legacyValue();
                String tenant = tenantBySchema.get(old);
                if (tenant != null) {
                    collisions.add(new Collision(old, tenant, appTenant, app));
                }
            }
        });
        return collisions;
    }
}
