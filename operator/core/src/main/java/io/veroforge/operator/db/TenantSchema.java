package io.veroforge.operator.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The tenant's schema in the connected database: it exists, belongs to the tenant role and holds
 * the current {@link RlsBaseline}; and nobody can create objects in the database's {@code public}
 * schema (PostgreSQL 15 already defaults to that, older servers do not).
 */
final class TenantSchema {

    /** What converging the schema takes, and the database it lives in. */
    record Plan(String database, List<String> statements) {
    }

    private TenantSchema() {
    }

    static Plan plan(Connection admin, TenantDatabaseNames names) throws SQLException {
        String sql = "SELECT pg_catalog.current_database(), n.oid IS NOT NULL, n.nspowner = r.oid,"
                + " pg_catalog.obj_description(n.oid, 'pg_namespace') IS NOT DISTINCT FROM ?"
                + " AND (SELECT count(*) FROM pg_catalog.pg_proc p WHERE p.pronamespace = n.oid"
                + "      AND p.proowner = r.oid AND p.proname = ANY (?)) = ?,"
                + " coalesce(pg_catalog.has_schema_privilege('public'::name, pg_catalog.to_regnamespace('public')::oid, 'CREATE'), false)"
                + " FROM (SELECT 1) AS one"
                + " LEFT JOIN pg_catalog.pg_namespace n ON n.nspname = ?"
                + " LEFT JOIN pg_catalog.pg_roles r ON r.rolname = ?";
        try (PreparedStatement query = admin.prepareStatement(sql)) {
            query.setString(1, RlsBaseline.VERSION_MARKER);
            query.setArray(2, admin.createArrayOf("text", RlsBaseline.FUNCTION_NAMES.toArray()));
            query.setInt(3, RlsBaseline.FUNCTION_NAMES.size());
            query.setString(4, names.schema());
            query.setString(5, names.role());
            try (ResultSet row = query.executeQuery()) {
                row.next();
                String database = row.getString(1);
                boolean exists = row.getBoolean(2);
                boolean ownedByRole = row.getBoolean(3);
                boolean baselineCurrent = row.getBoolean(4);
                boolean publicSchemaOpen = row.getBoolean(5);

                String schema = SqlIdentifier.quote(names.schema());
                List<String> statements = new ArrayList<>();
                if (!exists) {
                    statements.add("CREATE SCHEMA " + schema + " AUTHORIZATION " + SqlIdentifier.quote(names.role()));
                } else if (!ownedByRole) {
                    statements.add("ALTER SCHEMA " + schema + " OWNER TO " + SqlIdentifier.quote(names.role()));
                }
                if (!baselineCurrent) {
                    statements.addAll(RlsBaseline.installStatements(names));
                }
                if (publicSchemaOpen) {
                    statements.add("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
                }
                return new Plan(database, statements);
            }
        }
    }
}
