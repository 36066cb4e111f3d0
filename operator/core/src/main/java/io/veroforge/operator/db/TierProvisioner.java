package io.veroforge.operator.db;

/** How one tier places a tenant's data on the shared server: a schema, or a database of its own. */
sealed interface TierProvisioner permits SchemaProvisioner, DedicatedDatabaseProvisioner {

    /** Converges role, (database,) schema and RLS baseline; cheap when everything is already in place. */
    ProvisionedDatabase ensure(TenantDatabaseNames names, String password);

    /** Removes the tenant's data and role; does nothing for what is already gone. */
    void drop(TenantDatabaseNames names);

    /** The admin JDBC URL of the database holding the tenant's schema. */
    String jdbcUrlOf(TenantDatabaseNames names);
}
