package io.veroforge.operator.db;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;


import io.veroforge.generator.ai.FillCache;

/**
 * Validated AI gap fills in the platform's PostgreSQL (the shared server's database, schema
 * {@value #SCHEMA}), by content hash of prompt, model, pack revision and filler version, so that
 * a second Generation asking the same contract, or the same Generation rendered again after a
 * restart, never costs a request. The table is created by Flyway on first use, as the app schemas
 * are; the first fill stored for a key stays (equal keys are equal contracts). SQL failures are
 * thrown ({@link DatabaseUnavailableException} when the server is away): whether a cache that does
 * not answer is a miss is the caller's decision.
 */
public final class PostgresFillCache implements FillCache {
    public static final String SCHEMA = "veroforge_platform";
    static final String TABLE = "gap_fill_cache";
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");

    private final SharedPostgres server;
    private volatile boolean migrated;

    public PostgresFillCache(SharedPostgres server) {
        this.server = server;
    }

    @Override
    public Optional<Entry> get(String key) {
        check(key);
        migrate();
        try (Connection c = open(); PreparedStatement select = c.prepareStatement("SELECT imports, body, confidence, model, prompt_hash, attempts FROM "
                + table() + " WHERE key = ?")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                Array imports = row.getArray(1);
                return Optional.of(new Entry(List.of((String[]) imports.getArray()), row.getString(2), row.getDouble(3), row.getString(4),
                        row.getString(5), row.getInt(6)));
            }
        } catch (SQLException e) {
            throw SqlFailures.translate("reading the gap fill cache", e);
        }
    }

    @Override
    public void put(String key, Entry entry) {
        check(key);
        migrate();
        try (Connection c = open(); PreparedStatement insert = c.prepareStatement("INSERT INTO " + table()
                + " (key, imports, body, confidence, model, prompt_hash, attempts) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING")) {
            insert.setString(1, key);
            insert.setArray(2, c.createArrayOf("text", entry.imports().toArray(String[]::new)));
            insert.setString(3, entry.body());
            insert.setDouble(4, entry.confidence());
            insert.setString(5, entry.model());
            insert.setString(6, entry.promptHash());
            insert.setInt(7, entry.attempts());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw SqlFailures.translate("writing the gap fill cache", e);
        }
    }

    /** Creates (or upgrades) the platform's tables; called on first use, so a database that is down at start stops nothing. */
    public void migrate() {
        if (!migrated) {
            PlatformSchema.migrate(server, "the gap fill cache");
            migrated = true;
        }
    }

    private Connection open() throws SQLException {
        return PostgresConnections.open(server.jdbcUrl(), server.adminUser(), server.adminPassword());
    }

    static String table() {
        return SqlIdentifier.quote(SCHEMA) + "." + SqlIdentifier.quote(TABLE);
    }

    /** Keys are hex digests; anything else is a caller's bug, not a row to look for. */
    private static void check(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("a fill cache key is a sha-256 hex digest, was " + key);
        }
    }

    /** Version 1 of the platform schema: the table. */
    static final List<String> CREATE_SQL = List.of(
            "CREATE TABLE " + table() + " ("
                    + "key text PRIMARY KEY CHECK (key ~ '^[0-9a-f]{64}$'), "
                    + "imports text[] NOT NULL, "
                    + "body text NOT NULL, "
                    + "confidence double precision NOT NULL, "
                    + "model text NOT NULL, "
                    + "prompt_hash text NOT NULL, "
                    + "attempts integer NOT NULL, "
                    + "created_at timestamptz NOT NULL DEFAULT now())",
            "COMMENT ON TABLE " + table() + " IS 'VeroForge: validated AI gap fills by content hash (prompt, model, pack revision, filler version)'");
}
