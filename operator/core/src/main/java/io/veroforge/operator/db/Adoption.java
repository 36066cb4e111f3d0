package io.veroforge.operator.db;

import io.veroforge.operator.db.OwnedObjects.Existing;
import io.veroforge.operator.db.OwnedObjects.Kind;
import io.veroforge.operator.db.OwnedObjects.Owner;
import java.sql.Connection;
import java.sql.SQLException;
import org.jboss.logging.Logger;

/**
 * Claims what a deleting tenant had from before the catalogue, so that the drop that follows may
 * take it; what the adoption rule refuses is left alone (and logged), not dropped.
 */
final class Adoption {

    private static final Logger LOG = Logger.getLogger(Adoption.class);

    private Adoption() {
    }

    /** Claims in a transaction of its own (the connection is in autocommit mode afterwards); false when absent or the rule refuses. */
    static boolean tryClaim(Connection admin, OwnedObjects catalogue, TenantDatabaseNames names, Kind kind, String database, String name,
            Owner owner, Existing existing) throws SQLException {
        if (!existing.exists()) {
            return false; // nothing to adopt, and nothing to drop
        }
        admin.setAutoCommit(false);
        try {
            catalogue.claim(admin, kind, database, name, owner, existing);
            admin.commit();
            return true;
        } catch (NameConflictException e) {
            admin.rollback();
            LOG.warnf("Deleting tenant %s keeps %s: %s", names.tenant(), OwnedObjects.describe(kind, database, name), e.getMessage());
            return false;
        } finally {
            admin.setAutoCommit(true);
        }
    }
}
