package io.veroforge.operator.tenant;

/** The condition types a Tenant reports, in the order an SRE reads them. */
public final class TenantConditions {
    public static final String NAMESPACE_READY = "NamespaceReady";
    public static final String QUOTA_APPLIED = "QuotaApplied";
    public static final String NETWORK_ISOLATED = "NetworkIsolated";
    public static final String ACCESS_GRANTED = "AccessGranted";
    public static final String DATABASE_READY = "DatabaseReady";
    public static final String READY = "Ready";

    /** Reasons a user may act on; documented in docs/tenants.md. */
    public static final String INVALID_SPEC = "InvalidSpec";
    public static final String DATABASE_UNAVAILABLE = "DatabaseUnavailable";
    public static final String DATABASE_ERROR = "DatabaseError";
    /** A derived schema, role or database name belongs to another Tenant or app in the platform's catalogue. */
    public static final String NAME_CONFLICT = "NameConflict";
    public static final String CLUSTER_NOT_READY = "ClusterNotReady";
    public static final String WAITING = "Waiting";
    public static final String PROVISIONED = "Provisioned";
    /** A bug in the operator (the message names the exception type): retried at the longest backoff. */
    public static final String INTERNAL_ERROR = "InternalError";
    /** Reasons of the dependents' conditions, one per dependent, fixed here rather than derived from class names. */
    public static final String NAMESPACE_FAILED = "NamespaceFailed";
    public static final String QUOTA_FAILED = "QuotaFailed";
    public static final String LIMIT_RANGE_FAILED = "LimitRangeFailed";
    public static final String NETWORK_POLICY_FAILED = "NetworkPolicyFailed";
    public static final String OWNER_ACCESS_FAILED = "OwnerAccessFailed";
    public static final String CREDENTIALS_SECRET_FAILED = "CredentialsSecretFailed";

    private TenantConditions() {
    }
}
