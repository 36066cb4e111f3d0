package io.veroforge.operator.db;

/**
 * Serializes statements that update one catalog row every tenant shares (the ACL of the
 * {@code public} schema, the platform's own {@code veroforge} schema). PostgreSQL does not queue
 * two such updates: the loser fails with {@code XX000 tuple concurrently updated} (found by the
 * Tenant chaos harness with 40 Tenants provisioned at once). A transaction-scoped advisory lock
 * makes the second wait for the first to commit; at READ COMMITTED its next statement then sees the
 * committed row. Held only by transactions that change such a row, so tenants otherwise provision
 * in parallel. The same holds for a row every app of a database creates: its extensions
 * ({@code CREATE EXTENSION IF NOT EXISTS} racing an uncommitted twin fails with a duplicate key in
 * {@code pg_extension}, found by the Generation chaos harness).
 */
final class SharedRowLock {
    private static final String KEY = "hashtext('veroforge.shared-catalog-rows')";
    /** Held until the transaction ends. */
    static final String ACQUIRE = "SELECT pg_advisory_xact_lock(" + KEY + ")";
    /** For statements run in autocommit: held until {@link #RELEASE_SESSION}. */
    static final String ACQUIRE_SESSION = "SELECT pg_advisory_lock(" + KEY + ")";
    static final String RELEASE_SESSION = "SELECT pg_advisory_unlock(" + KEY + ")";

    private SharedRowLock() {
    }
}
