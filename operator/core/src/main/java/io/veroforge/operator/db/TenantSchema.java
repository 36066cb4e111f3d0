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
 * schema (PostgreSQL 15 already defaults to that, older servers do not). The caller claims the
 * name in the catalogue first ({@link #existing}), so the ownership repair below only ever
 * touches a schema recorded as this tenant's.
 */
final class TenantSchema {

    /** What the connected database has now. */
    record State(String database, boolean exists, boolean ownedByRole, boolean holdsAppHistory, boolean baselineCurrent,
                 boolean publicSchemaOpen) {

        /**
         * Adoption rule for a schema with no catalogue row: it is the tenant's when the tenant's role
         * owns it and it holds no app's migration history (under the old names an app's schema could
         * be called like another tenant's schema).
         */
        OwnedObjects.Existing existing() {
            if (!exists) {
                return OwnedObjects.Existing.ABSENT;
            }
            if (!ownedByRole) {
                return OwnedObjects.Existing.notAdoptable("it is not owned by the tenant's role");
            }
            if (holdsAppHistory) {
                return OwnedObjects.Existing.notAdoptable("it holds an app's migration history, " + AppSchemaMigrator.HISTORY_TABLE);
            }
            return OwnedObjects.Existing.adoptable();
        }
    }

    private TenantSchema() {
    }

    static State read(Connection admin, TenantDatabaseNames names) throws SQLException {
        String sql = "SELECT pg_catalog.current_database(), n.oid IS NOT NULL, n.nspowner = r.oid,"
                + " EXISTS (SELECT 1 FROM pg_catalog.pg_class c WHERE c.relnamespace = n.oid AND c.relname = ?),"
                + " pg_catalog.obj_description(n.oid, 'pg_namespace') IS NOT DISTINCT FROM ?"
                + " AND (SELECT count(*) FROM pg_catalog.pg_proc p WHERE p.pronamespace = n.oid"
                + "      AND p.proowner = r.oid AND p.proname = ANY (?)) = ?,"
                + " coalesce(pg_catalog.has_schema_privilege('public'::name, pg_catalog.to_regnamespace('public')::oid, 'CREATE'), false)"
                + " FROM (SELECT 1) AS one"
                + " LEFT JOIN pg_catalog.pg_namespace n ON n.nspname = ?"
                + " LEFT JOIN pg_catalog.pg_roles r ON r.rolname = ?";
        try (PreparedStatement query = admin.prepareStatement(sql)) {
            query.setString(1, AppSchemaMigrator.HISTORY_TABLE);
            query.setString(2, RlsBaseline.VERSION_MARKER);
            query.setArray(3, admin.createArrayOf("text", RlsBaseline.FUNCTION_NAMES.toArray()));
            query.setInt(4, RlsBaseline.FUNCTION_NAMES.size());
            query.setString(5, names.schema());
            query.setString(6, names.role());
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return new State(row.getString(1), row.getBoolean(2), row.getBoolean(3), row.getBoolean(4), row.getBoolean(5),
                        row.getBoolean(6));
            }
        }
    }

    /** What converging the schema takes; call only once the schema's name is claimed for this tenant. */
    static List<String> statements(State state, TenantDatabaseNames names) {
        String schema = SqlIdentifier.quote(names.schema());
        List<String> statements = new ArrayList<>();
        if (!state.exists()) {
            statements.add("CREATE SCHEMA " + schema + " AUTHORIZATION " + SqlIdentifier.quote(names.role()));
        } else if (!state.ownedByRole()) {
            // recorded as this tenant's in the catalogue, so this repairs a change made by hand
            statements.add("ALTER SCHEMA " + schema + " OWNER TO " + SqlIdentifier.quote(names.role()));
        }
        if (!state.baselineCurrent()) {
            statements.addAll(RlsBaseline.installStatements(names));
        }
        if (state.publicSchemaOpen()) {
            statements.add(SharedRowLock.ACQUIRE); // every tenant of this database may be closing it at once
            statements.add("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        }
        return statements;
    }
}
