package io.veroforge.operator.db;

import java.util.List;

/**
 * The row-level security baseline installed in every tenant schema, which generated applications
 * build on. The convention:
 *
 * <ul>
 *   <li>Every tenant-scoped table has a column {@code tenant_id text NOT NULL DEFAULT
 *       <schema>.current_tenant_id()} ({@code uuid} and {@code varchar} also work), indexed.
 *   <li>The application sets the tenant once per transaction, as a bind parameter:
 *       {@code SELECT set_config('veroforge.tenant_id', $1, true)} (or
 *       {@code SET LOCAL veroforge.tenant_id = '...'}).
 *   <li>{@code <schema>.current_tenant_id()} returns that setting, or NULL when it is unset, so a
 *       transaction that forgot to set it sees no rows and cannot write any (fail closed).
 *   <li>A migration calls {@code SELECT <schema>.enable_tenant_rls('<schema>.<table>')} after
 *       creating a table: it enables and forces row-level security (so the owning role, which
 *       the application logs in as, is bound by it too) and (re)creates the policy
 *       {@code tenant_isolation USING (tenant_id = current_tenant_id()) WITH CHECK (same)}.
 * </ul>
 *
 * The functions belong to the tenant role, like everything else in its schema.
 */
final class RlsBaseline {

    /** Stored as the schema's comment; bump it when the functions below change, and every schema is upgraded on its next reconcile. */
    static final String VERSION_MARKER = "VeroForge tenant schema, RLS baseline v1";
    static final String TENANT_SETTING = "veroforge.tenant_id";
    static final List<String> FUNCTION_NAMES = List.of("current_tenant_id", "enable_tenant_rls");

    private RlsBaseline() {
    }

    static List<String> installStatements(TenantDatabaseNames names) {
        String schema = SqlIdentifier.quote(names.schema());
        String role = SqlIdentifier.quote(names.role());
        return List.of(
                // SQL, STABLE and without SET clauses so the planner can inline it into policies
                "CREATE OR REPLACE FUNCTION " + schema + ".current_tenant_id() RETURNS text"
                        + " LANGUAGE sql STABLE PARALLEL SAFE"
                        + " AS $fn$ SELECT NULLIF(pg_catalog.current_setting('" + TENANT_SETTING + "', true), '') $fn$",
                // The schema appears only in the SET clause, as a quoted identifier: the policy's
                // unqualified current_tenant_id() is resolved through it when the policy is created.
                "CREATE OR REPLACE FUNCTION " + schema + ".enable_tenant_rls(target regclass) RETURNS void"
                        + " LANGUAGE plpgsql SET search_path = pg_catalog, " + schema + ", pg_temp AS $fn$\n"
                        + "DECLARE\n"
                        + "  column_type regtype;\n"
                        + "  tenant_expression text;\n"
                        + "BEGIN\n"
                        + "  SELECT a.atttypid::regtype INTO column_type FROM pg_attribute a\n"
                        + "   WHERE a.attrelid = target AND a.attname = 'tenant_id' AND a.attnum > 0 AND NOT a.attisdropped;\n"
                        + "  IF column_type IS NULL THEN\n"
                        + "    RAISE EXCEPTION 'table % has no tenant_id column', target USING ERRCODE = 'undefined_column',\n"
                        + "      HINT = 'add tenant_id text NOT NULL DEFAULT current_tenant_id() from the tenant schema';\n"
                        + "  END IF;\n"
                        + "  tenant_expression := CASE column_type\n"
                        + "    WHEN 'text'::regtype THEN 'current_tenant_id()'\n"
                        + "    WHEN 'character varying'::regtype THEN 'current_tenant_id()'\n"
                        + "    WHEN 'uuid'::regtype THEN 'current_tenant_id()::uuid'\n"
                        + "  END;\n"
                        + "  IF tenant_expression IS NULL THEN\n"
                        + "    RAISE EXCEPTION 'tenant_id of % is %, expected text, varchar or uuid', target, column_type\n"
                        + "      USING ERRCODE = 'datatype_mismatch';\n"
                        + "  END IF;\n"
                        + "  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY', target);\n"
                        + "  EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON %s', target);\n"
                        + "  EXECUTE format('CREATE POLICY tenant_isolation ON %s USING (tenant_id = %s) WITH CHECK (tenant_id = %s)',\n"
                        + "    target, tenant_expression, tenant_expression);\n"
                        + "END\n"
                        + "$fn$",
                "ALTER FUNCTION " + schema + ".current_tenant_id() OWNER TO " + role,
                "ALTER FUNCTION " + schema + ".enable_tenant_rls(regclass) OWNER TO " + role,
                "COMMENT ON SCHEMA " + schema + " IS '" + VERSION_MARKER + "'");
    }
}
