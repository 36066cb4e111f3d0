package io.veroforge.operator.db;

import java.util.regex.Pattern;

/**
 * The PostgreSQL names of one tenant, derived here and nowhere else. A tenant name is a DNS label
 * (the CRD validates it; it is checked again here because these names end up in DDL). Replacing
 * {@code -} by {@code _} cannot make two tenants collide, since {@code _} is not allowed in tenant names;
 * and no app schema ({@link AppSchemaName}, prefix {@code app_}) can take a tenant's schema name.
 * The platform's catalogue ({@link OwnedObjects}) records which Tenant owns each name.
 *
 * @param tenant the Tenant's {@code metadata.name}
 * @param schema {@code tenant_<name>}: the tenant's schema (in the shared database, or in its own database)
 * @param role {@code tenant_<name>_owner}: the login role that owns the schema (and the pro database)
 * @param database {@code tenant_<name>}: the pro tier's dedicated database
 */
public record TenantDatabaseNames(String tenant, String schema, String role, String database) {

    static final int MAX_TENANT_NAME_LENGTH = 40;
    static final String SCHEMA_PREFIX = "tenant_";
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z]([a-z0-9-]*[a-z0-9])?");

    /** @throws IllegalArgumentException naming {@code metadata.name} when the name is not a valid tenant name */
    public static TenantDatabaseNames of(String tenantName) {
        if (tenantName == null || tenantName.length() > MAX_TENANT_NAME_LENGTH
                || !DNS_LABEL.matcher(tenantName).matches()) {
            throw new IllegalArgumentException("metadata.name " + describe(tenantName)
                    + " is not a valid tenant name: use at most " + MAX_TENANT_NAME_LENGTH
                    + " characters of lower-case letters, digits and '-', starting with a letter and"
                    + " ending with a letter or digit");
        }
        String base = SCHEMA_PREFIX + tenantName.replace('-', '_');
        return new TenantDatabaseNames(tenantName, base, base + "_owner", base);
    }

    private static String describe(String tenantName) {
        if (tenantName == null) {
            return "(missing)";
        }
        // shown as Java would escape it, so control characters cannot forge log lines
        StringBuilder shown = new StringBuilder("'");
        tenantName.codePoints().limit(80).forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                shown.append(String.format("\\u%04x", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return shown.append(tenantName.length() > 80 ? "...'" : "'").toString();
    }
}
