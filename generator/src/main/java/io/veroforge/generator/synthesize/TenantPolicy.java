package io.veroforge.generator.synthesize;

/**
 * The row-level security policy every tenant-owned table carries, as {@code db/schema.sql} writes it
 * and as the migration planner brings an older schema to it.
 *
 * <p>The setting is read in a scalar subquery, {@code (select ...)}, so PostgreSQL evaluates it once
 * per statement (an InitPlan) instead of once per row, and the comparison becomes an index condition
 * on {@code tenant_id}. {@code nullif(..., '')} keeps it fail-closed on pooled connections: after a
 * transaction-local {@code set_config} ends, the session reads the setting as {@code ''}, not NULL;
 * either way no row matches and none can be written.
 */
public final class TenantPolicy {

    public static final String NAME = "tenant_isolation";
    /** The tenant the statement runs for, or NULL when none was set. */
    public static final String CURRENT_TENANT = "(select nullif(current_setting('veroforge.tenant_id', true), ''))";
    private static final String RULE = "  USING (tenant_id = " + CURRENT_TENANT + ")\n  WITH CHECK (tenant_id = " + CURRENT_TENANT + ");";

    private TenantPolicy() {
    }

    /** {@code ALTER TABLE ... ENABLE, FORCE ROW LEVEL SECURITY} and {@code CREATE POLICY tenant_isolation}. */
    public static String create(String table) {
        return "ALTER TABLE " + table + " ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;\n"
                + "CREATE POLICY " + NAME + " ON " + table + "\n" + RULE;
    }

    /** The same rule on a table that already has the policy (an older revision read the setting per row). */
    public static String alter(String table) {
        return "ALTER POLICY " + NAME + " ON " + table + "\n" + RULE;
    }
}
