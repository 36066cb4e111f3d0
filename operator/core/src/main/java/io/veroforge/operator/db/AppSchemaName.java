package io.veroforge.operator.db;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The schema one app's tables live in, inside its tenant's database: {@code <tenant schema>_<app>}
 * with {@code -} replaced by {@code _} (app names are DNS labels, which have no {@code _}, so two
 * apps cannot collide), e.g. {@code tenant_acme_pest_control}. Apps of one tenant get separate
 * schemas because the pack gives every app the same unqualified table names. Names longer than
 * PostgreSQL's 63 bytes are cut to 54 bytes and end in {@code _} plus 8 hex digits of the SHA-256
 * of the full name, so they stay distinct and stable.
 */
public record AppSchemaName(String tenantSchema, String app, String value) {

    static final int MAX_BYTES = SqlIdentifier.MAX_BYTES;
    private static final int HASH_HEX_DIGITS = 8;
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");
    private static final Pattern TENANT_SCHEMA = Pattern.compile("[a-z][a-z0-9_]*");

    /** @throws IllegalArgumentException when the app name is not a DNS label or the tenant schema is not a tenant schema name */
    public static AppSchemaName of(String tenantSchema, String app) {
        if (tenantSchema == null || !TENANT_SCHEMA.matcher(tenantSchema).matches()) {
            throw new IllegalArgumentException("tenant schema " + tenantSchema + " is not a VeroForge tenant schema name");
        }
        if (app == null || app.length() > 253 || !DNS_LABEL.matcher(app).matches()) {
            throw new IllegalArgumentException("app name " + (app == null ? "(missing)" : "'" + app.replaceAll("\\p{Cntrl}", "?") + "'")
                    + " must be lower-case letters, digits and '-', starting and ending with a letter or digit");
        }
        String full = tenantSchema + "_" + app.replace('-', '_');
        if (full.length() <= MAX_BYTES) { // ASCII only: characters are bytes
            return new AppSchemaName(tenantSchema, app, full);
        }
        String hash = sha256Hex(full).substring(0, HASH_HEX_DIGITS);
        String cut = full.substring(0, MAX_BYTES - HASH_HEX_DIGITS - 1);
        return new AppSchemaName(tenantSchema, app, cut + "_" + hash);
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
