package io.veroforge.operator.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Basic tier: the tenant's data is a schema in the shared database. Role and schema are converged
 * in one transaction on one connection, so a crash leaves either all of it or none.
 */
final class SchemaProvisioner implements TierProvisioner {

    private static final Logger LOG = Logger.getLogger(SchemaProvisioner.class);

    private final PostgresConnections connections;
    private final TenantRole role;

    SchemaProvisioner(PostgresConnections connections, TenantRole role) {
        this.connections = connections;
        this.role = role;
    }

    @Override
    public ProvisionedDatabase ensure(TenantDatabaseNames names, String password) {
        try (Connection admin = connections.admin()) {
            admin.setAutoCommit(false);
            List<String> statements = new ArrayList<>(role.statementsToConverge(admin, names.role(), password));
            TenantSchema.Plan schema = TenantSchema.plan(admin, names);
            statements.addAll(schema.statements());
            Statements.execute(admin, statements);
            admin.commit();
            if (!statements.isEmpty()) {
                LOG.infof("Converged schema %s and role %s of tenant %s (%d statements)",
                        names.schema(), names.role(), names.tenant(), statements.size());
            }
            SharedPostgres server = connections.server();
            return new ProvisionedDatabase(server.appHost(), server.appPort(), schema.database(), names.schema(), names.role());
        } catch (SQLException e) {
            throw SqlFailures.translate("Provisioning schema " + names.schema() + " for tenant " + names.tenant(), e);
        }
    }

    @Override
    public void drop(TenantDatabaseNames names) {
        try (Connection admin = connections.admin()) {
            role.disableLogin(admin, names.role());
            admin.setAutoCommit(false);
            List<String> statements = new ArrayList<>();
            statements.add("DROP SCHEMA IF EXISTS " + SqlIdentifier.quote(names.schema()) + " CASCADE");
            statements.addAll(role.statementsToDrop(admin, names.role()));
            Statements.execute(admin, statements);
            admin.commit();
            LOG.infof("Dropped schema %s and role %s of tenant %s", names.schema(), names.role(), names.tenant());
        } catch (SQLException e) {
            throw SqlFailures.translate("Dropping schema " + names.schema() + " of tenant " + names.tenant(), e);
        }
    }

    @Override
    public String jdbcUrlOf(TenantDatabaseNames names) {
        return connections.server().jdbcUrl();
    }
}
