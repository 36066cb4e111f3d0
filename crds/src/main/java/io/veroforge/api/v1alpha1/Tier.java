package io.veroforge.api.v1alpha1;

/** Where a tenant's data lives; names match the YAML values. */
public enum Tier {
    /** A schema on the shared PostgreSQL server. */
    basic,
    /** A dedicated database on the shared PostgreSQL server. */
    pro,
    /** A dedicated PostgreSQL cluster (CloudNativePG) in the tenant namespace. */
    enterprise
}
