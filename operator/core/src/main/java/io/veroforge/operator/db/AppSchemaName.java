package io.veroforge.operator.db;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The schema one app's tables live in, inside its tenant's database (apps of one tenant get
 * separate schemas because the pack gives every app the same unqualified table names):
 * {@code app_<n>_<tenant>_<app>}, where {@code <n>} is the length of the tenant name and both
 * names have {@code -} spelled {@code _}, e.g. {@code app_4_acme_pest_control}.
 *
 * <p>Why it is injective (no two tenant/app pairs, and no tenant, share a name): tenant schemas
 * start with {@code tenant_} and app schemas with {@code app_}, so they never meet. An app schema
 * can be read back: the digits up to the first {@code _} say how many characters the tenant part
 * has; what follows it is the app. Names that would be longer than {@value #SPELLED_OUT_MAX}
 * characters are cut to exactly {@value SqlIdentifier#MAX_BYTES} and end in {@code _} plus a
 * 64-bit hash of the tenant and the full app name: the length tells cut names from spelled-out
 * ones, the tenant part is never cut (at most 40 characters), so a cut name still says whose it
 * is and two apps could only share one through a hash collision inside one tenant — which the
 * catalogue ({@link OwnedObjects}) refuses rather than shares.
 *
 * <p>{@link #legacyValue()} is the name the operator used before ({@code <tenant schema>_<app>}),
 * which could collide: tenant {@code acme-studio} and app {@code studio} of tenant {@code acme}.
 * It is only read, to find data that must be renamed by hand (docs/generations.md).
 */
public record AppSchemaName(String tenantSchema, String app, String value) {

    static final String PREFIX = "app_";
    static final int SPELLED_OUT_MAX = SqlIdentifier.MAX_BYTES - 1;
    static final int HASH_CHARS = 13; // 64 bits in base 36
    private static final int LEGACY_HASH_HEX_DIGITS = 8;
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");
    private static final Pattern TENANT_SCHEMA = Pattern.compile(TenantDatabaseNames.SCHEMA_PREFIX + "[a-z][a-z0-9_]*");

    /** @throws IllegalArgumentException when the app name is not a DNS label or the tenant schema is not a tenant schema name */
    public static AppSchemaName of(String tenantSchema, String app) {
        if (tenantSchema == null || !TENANT_SCHEMA.matcher(tenantSchema).matches()
                || tenantSchema.length() > TenantDatabaseNames.SCHEMA_PREFIX.length() + TenantDatabaseNames.MAX_TENANT_NAME_LENGTH) {
            throw new IllegalArgumentException("tenant schema " + tenantSchema + " is not a VeroForge tenant schema name");
        }
        if (app == null || app.length() > 253 || !DNS_LABEL.matcher(app).matches()) {
            throw new IllegalArgumentException("app name " + (app == null ? "(missing)" : "'" + app.replaceAll("\\p{Cntrl}", "?") + "'")
                    + " must be lower-case letters, digits and '-', starting and ending with a letter or digit");
        }
        String tenant = tenantSchema.substring(TenantDatabaseNames.SCHEMA_PREFIX.length());
        String head = PREFIX + tenant.length() + "_" + tenant + "_";
        String full = head + app.replace('-', '_');
        if (full.length() <= SPELLED_OUT_MAX) { // ASCII only: characters are bytes
            return new AppSchemaName(tenantSchema, app, full);
        }
        String hash = "_" + hash(tenant + "/" + app);
        return new AppSchemaName(tenantSchema, app, full.substring(0, SqlIdentifier.MAX_BYTES - hash.length()) + hash);
    }

    /** The name this app's schema had before names were made injective; may equal another tenant's schema. */
    public String legacyValue() {
        String full = tenantSchema + "_" + app.replace('-', '_');
        if (full.length() <= SqlIdentifier.MAX_BYTES) {
            return full;
        }
        String hash = HexFormat.of().formatHex(sha256(full)).substring(0, LEGACY_HASH_HEX_DIGITS);
        return full.substring(0, SqlIdentifier.MAX_BYTES - LEGACY_HASH_HEX_DIGITS - 1) + "_" + hash;
    }

    /** 64 bits of SHA-256, in lower-case base 36 padded to {@value #HASH_CHARS} characters. */
    static String hash(String text) {
        String base36 = new BigInteger(1, Arrays.copyOf(sha256(text), 8)).toString(36);
        return "0".repeat(HASH_CHARS - base36.length()) + base36;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
