package io.veroforge.operator.db;

import java.util.List;

/** How one tier places a tenant's data on the shared server: a schema, or a database of its own. */
sealed interface TierProvisioner permits SchemaProvisioner, DedicatedDatabaseProvisioner {

    /** Claims the names for {@code owner}, then converges role, (database,) schema and RLS baseline; cheap when everything is in place. */
    ProvisionedDatabase ensure(TenantDatabaseNames names, OwnedObjects.Owner owner, String password);

    /**
     * Removes the tenant's data recorded as {@code owner}'s and its role; does nothing for what is
     * already gone. Returns what the role owned that was not recorded as the tenant's: kept, now
     * owned by the admin.
     */
    List<String> drop(TenantDatabaseNames names, OwnedObjects.Owner owner);

    /** The admin JDBC URL of the database holding the tenant's schema. */
    String jdbcUrlOf(TenantDatabaseNames names);
}
