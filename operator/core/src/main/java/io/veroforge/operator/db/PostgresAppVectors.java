package io.veroforge.operator.db;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;


/**
 * Each app's fingerprint vector (the embedding of its requirements and model summary) in the
 * platform's PostgreSQL, schema {@value PostgresFillCache#SCHEMA}, so that the apps of a
 * namespace can be compared without re-embedding them and a restarted operator knows them all.
 * A {@code real[]} column: pgvector is not available everywhere, and a tenant has few apps, so the
 * comparison is done by the caller over one namespace's rows. SQL failures are thrown
 * ({@link DatabaseUnavailableException} when the server is away).
 */
public final class PostgresAppVectors {
    static final String TABLE = "app_vectors";

    public record Stored(String name, float[] vector) {
    }

    private final SharedPostgres server;
    private volatile boolean migrated;

    public PostgresAppVectors(SharedPostgres server) {
        this.server = server;
    }

    /**
     * Keeps {@code vector} for the app (rewritten only when its fingerprint changed) and answers the other apps of
     * the namespace, in one connection.
     */
    public List<Stored> keepAndListOthers(String namespace, String name, String fingerprintHash, float[] vector) {
        migrate();
        try (Connection c = open()) {
            try (PreparedStatement upsert = c.prepareStatement("INSERT INTO " + table() + " (namespace, name, fingerprint_hash, vector)"
                    + " VALUES (?, ?, ?, ?) ON CONFLICT (namespace, name) DO UPDATE SET fingerprint_hash = excluded.fingerprint_hash,"
                    + " vector = excluded.vector, updated_at = now() WHERE " + table() + ".fingerprint_hash <> excluded.fingerprint_hash")) {
                upsert.setString(1, namespace);
                upsert.setString(2, name);
                upsert.setString(3, fingerprintHash);
                upsert.setArray(4, c.createArrayOf("float4", boxed(vector)));
                upsert.executeUpdate();
            }
            List<Stored> others = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT name, vector FROM " + table()
                    + " WHERE namespace = ? AND name <> ? ORDER BY name")) {
                select.setString(1, namespace);
                select.setString(2, name);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        Array stored = rows.getArray(2);
                        others.add(new Stored(rows.getString(1), unboxed((Float[]) stored.getArray())));
                    }
                }
            }
            return others;
        } catch (SQLException e) {
            throw SqlFailures.translate("keeping the app's similarity vector", e);
        }
    }

    /** The app is gone: it is nobody's similar app any more. */
    public void forget(String namespace, String name) {
        migrate();
        try (Connection c = open(); PreparedStatement delete = c.prepareStatement("DELETE FROM " + table() + " WHERE namespace = ? AND name = ?")) {
            delete.setString(1, namespace);
            delete.setString(2, name);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw SqlFailures.translate("forgetting the app's similarity vector", e);
        }
    }

    void migrate() {
        if (!migrated) {
            PlatformSchema.migrate(server, "the app vectors table");
            migrated = true;
        }
    }

    private Connection open() throws SQLException {
        return PostgresConnections.open(server.jdbcUrl(), server.adminUser(), server.adminPassword());
    }

    static String table() {
        return SqlIdentifier.quote(PostgresFillCache.SCHEMA) + "." + SqlIdentifier.quote(TABLE);
    }

    private static Float[] boxed(float[] vector) {
        Float[] boxed = new Float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            boxed[i] = vector[i];
        }
        return boxed;
    }

    private static float[] unboxed(Float[] stored) {
        float[] vector = new float[stored.length];
        for (int i = 0; i < stored.length; i++) {
            vector[i] = stored[i] == null ? 0 : stored[i];
        }
        return vector;
    }

    /** Version 2 of the platform schema: the table. */
    static final List<String> CREATE_SQL = List.of(
            "CREATE TABLE " + table() + " ("
                    + "namespace text NOT NULL, "
                    + "name text NOT NULL, "
                    + "fingerprint_hash text NOT NULL, "
                    + "vector real[] NOT NULL, "
                    + "updated_at timestamptz NOT NULL DEFAULT now(), "
                    + "PRIMARY KEY (namespace, name))",
            "COMMENT ON TABLE " + table() + " IS 'VeroForge: each app''s fingerprint embedding (requirements and model summary), for status.similarApps'");
}
