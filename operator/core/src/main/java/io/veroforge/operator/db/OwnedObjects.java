package io.veroforge.operator.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The platform's catalogue of what it created for whom: one row per role, schema and database in
 * {@code veroforge.owned_objects} on the shared database, naming the Tenant (by
 * {@code metadata.uid}, and its name for people) and, for an app's schema, the app. A name is
 * claimed here, in the caller's transaction, before the object is created, so a crash leaves at
 * most a claim without an object (the next call creates it), never an object nobody claimed. The
 * operator alters or drops only objects claimed for the owner at hand.
 *
 * <p>Adoption (objects from before the catalogue, which have no row): the caller says whether
 * what exists looks like what this owner would have made (owned by the tenant's role, the right
 * kind of content); only then is it claimed, and only when no row claims it for someone else.
 */
final class OwnedObjects {

    static final String TABLE = "veroforge.owned_objects";
    static final String SEE = "see docs/tenants.md#name-conflicts";

    enum Kind { role, schema, database }

    /** Who an object is for: a Tenant and, for an app's schema, the app ({@code ""} for the tenant's own objects). */
    record Owner(String tenantUid, String tenantName, String app) {
        Owner {
            if (tenantUid == null || tenantUid.isBlank()) {
                throw new IllegalArgumentException("metadata.uid of Tenant " + tenantName + " must be set");
            }
            app = app == null ? "" : app;
        }

        static Owner tenant(String tenantUid, String tenantName) {
            return new Owner(tenantUid, tenantName, "");
        }

        Owner app(String appName) {
            return new Owner(tenantUid, tenantName, appName);
        }

        @Override
        public String toString() {
            return (app.isEmpty() ? "" : "app " + app + " of ") + "Tenant " + tenantName + " (uid " + tenantUid + ")";
        }
    }

    /** What the server has under a name the caller is about to claim. */
    record Existing(boolean exists, String notAdoptableBecause) {
        static final Existing ABSENT = new Existing(false, null);

        static Existing adoptable() {
            return new Existing(true, null);
        }

        static Existing notAdoptable(String because) {
            return new Existing(true, because);
        }
    }

    /** One row: an object and whom it is for; {@code retained} when its Tenant was deleted with deletionPolicy Retain. */
    record Entry(Kind kind, String database, String name, Owner owner, boolean retained) {
    }

    private volatile boolean tableReady;

    /** Creates the catalogue's schema and table when missing (idempotently, in autocommit mode, once per process). */
    synchronized void ensureTable(Connection admin) throws SQLException {
        if (tableReady) {
            return;
        }
        boolean autoCommit = admin.getAutoCommit();
        admin.setAutoCommit(true);
        try (Statement statement = admin.createStatement()) {
            statement.execute(SharedRowLock.ACQUIRE_SESSION); // these statements run in autocommit
            for (int attempt = 1; ; attempt++) {
                try {
                    statement.execute("CREATE SCHEMA IF NOT EXISTS veroforge");
                    statement.execute("REVOKE ALL ON SCHEMA veroforge FROM PUBLIC");
                    statement.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " ("
                            + " kind text NOT NULL CHECK (kind IN ('role', 'schema', 'database')),"
                            + " database text NOT NULL," // '' for roles and databases: they are cluster-wide
                            + " name text NOT NULL,"
                            + " tenant_uid text NOT NULL,"
                            + " tenant_name text NOT NULL,"
                            + " app text NOT NULL DEFAULT ''," // '' for the tenant's own objects
                            + " created_at timestamptz NOT NULL DEFAULT now(),"
                            + " retained_at timestamptz,"
                            + " PRIMARY KEY (kind, database, name))");
                    break;
                } catch (SQLException e) {
                    // an older operator (one without the lock) creating it at the same moment:
                    // IF NOT EXISTS is not atomic in PostgreSQL
                    if (attempt >= 3 || !"23505".equals(e.getSQLState()) && !"42P06".equals(e.getSQLState())
                            && !"42P07".equals(e.getSQLState())) {
                        throw e;
                    }
                }
            }
        } finally {
            try (Statement unlock = admin.createStatement()) {
                unlock.execute(SharedRowLock.RELEASE_SESSION);
            }
            admin.setAutoCommit(autoCommit);
        }
        tableReady = true;
    }

    /**
     * Records {@code name} as {@code owner}'s, in the caller's transaction (the row stays locked
     * until it ends); does nothing when it already is. A row of the same tenant name and app left
     * by a Tenant deleted with Retain passes to the re-created Tenant, which gets its data back.
     *
     * @throws NameConflictException when another owner holds the name, or the object exists
     *     unrecorded and may not be adopted
     */
    void claim(Connection admin, Kind kind, String database, String name, Owner owner, Existing existing) throws SQLException {
        Entry entry = find(admin, kind, database, name);
        if (entry == null) {
            if (existing.exists() && existing.notAdoptableBecause() != null) {
                throw new NameConflictException(describe(kind, database, name) + " already exists and was not created by VeroForge for "
                        + owner + " (" + existing.notAdoptableBecause() + "); VeroForge does not take it over; " + SEE);
            }
            if (insert(admin, kind, database, name, owner)) {
                return;
            }
            entry = find(admin, kind, database, name); // someone claimed it in between: their row decides
        }
        if (entry.owner().equals(owner)) {
            if (entry.retained()) {
                update(admin, entry, owner);
            }
            return;
        }
        if (entry.retained() && entry.owner().tenantName().equals(owner.tenantName()) && entry.owner().app().equals(owner.app())) {
            update(admin, entry, owner);
            return;
        }
        throw new NameConflictException(describe(kind, database, name) + " belongs to " + entry.owner() + "; " + owner
                + " cannot use it and VeroForge does not take it over; " + SEE);
    }

    /** The row for one object, locked for the caller's transaction; null when none. */
    Entry find(Connection admin, Kind kind, String database, String name) throws SQLException {
        try (PreparedStatement query = admin.prepareStatement("SELECT tenant_uid, tenant_name, app, retained_at IS NOT NULL FROM " + TABLE
                + " WHERE kind = ? AND database = ? AND name = ? FOR UPDATE")) {
            query.setString(1, kind.name());
            query.setString(2, database);
            query.setString(3, name);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? new Entry(kind, database, name, new Owner(row.getString(1), row.getString(2), row.getString(3)),
                        row.getBoolean(4)) : null;
            }
        }
    }

    /**
     * The rows a deleting Tenant may drop: those recorded for its uid, and those its name kept
     * from an earlier Tenant deleted with Retain. Locked for the caller's transaction.
     */
    List<Entry> ownedBy(Connection admin, String tenantUid, String tenantName) throws SQLException {
        List<Entry> entries = new ArrayList<>();
        try (PreparedStatement query = admin.prepareStatement("SELECT kind, database, name, tenant_uid, app, retained_at IS NOT NULL FROM "
                + TABLE + " WHERE tenant_name = ? AND (tenant_uid = ? OR retained_at IS NOT NULL) ORDER BY kind, database, name FOR UPDATE")) {
            query.setString(1, tenantName);
            query.setString(2, tenantUid);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    entries.add(new Entry(Kind.valueOf(rows.getString(1)), rows.getString(2), rows.getString(3),
                            new Owner(rows.getString(4), tenantName, rows.getString(5)), rows.getBoolean(6)));
                }
            }
        }
        return entries;
    }

    /** Deletion with Retain: the Tenant's rows stay, marked so that a re-created Tenant of the same name may take them. */
    void markRetained(Connection admin, String tenantName) throws SQLException {
        try (PreparedStatement update = admin.prepareStatement("UPDATE " + TABLE + " SET retained_at = now()"
                + " WHERE tenant_name = ? AND retained_at IS NULL")) {
            update.setString(1, tenantName);
            update.executeUpdate();
        }
    }

    /** Forgets an object once it is dropped. */
    void forget(Connection admin, Entry entry) throws SQLException {
        try (PreparedStatement delete = admin.prepareStatement("DELETE FROM " + TABLE + " WHERE kind = ? AND database = ? AND name = ?")) {
            delete.setString(1, entry.kind().name());
            delete.setString(2, entry.database());
            delete.setString(3, entry.name());
            delete.executeUpdate();
        }
    }

    static String describe(Kind kind, String database, String name) {
        return kind + " " + name + (database.isEmpty() ? "" : " in database " + database);
    }

    private static boolean insert(Connection admin, Kind kind, String database, String name, Owner owner) throws SQLException {
        try (PreparedStatement insert = admin.prepareStatement("INSERT INTO " + TABLE
                + " (kind, database, name, tenant_uid, tenant_name, app) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, kind.name());
            insert.setString(2, database);
            insert.setString(3, name);
            insert.setString(4, owner.tenantUid());
            insert.setString(5, owner.tenantName());
            insert.setString(6, owner.app());
            return insert.executeUpdate() == 1;
        }
    }

    private static void update(Connection admin, Entry entry, Owner owner) throws SQLException {
        try (PreparedStatement update = admin.prepareStatement("UPDATE " + TABLE + " SET tenant_uid = ?, retained_at = NULL"
                + " WHERE kind = ? AND database = ? AND name = ?")) {
            update.setString(1, owner.tenantUid());
            update.setString(2, entry.kind().name());
            update.setString(3, entry.database());
            update.setString(4, entry.name());
            update.executeUpdate();
        }
    }
}
