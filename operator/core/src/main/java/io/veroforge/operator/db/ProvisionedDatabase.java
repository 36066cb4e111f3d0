package io.veroforge.operator.db;

/**
 * Where a tenant's applications find their data: what the operator writes, with the password, into
 * the tenant's credentials Secret.
 */
public record ProvisionedDatabase(String host, int port, String database, String schema, String role) {
}
