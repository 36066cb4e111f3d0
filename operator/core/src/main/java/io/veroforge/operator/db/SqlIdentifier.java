package io.veroforge.operator.db;

import java.nio.charset.StandardCharsets;

/**
 * Quotes SQL identifiers (schema, role, database, table names) for PostgreSQL DDL, the one place
 * every identifier passes through before it is spliced into a statement. DDL cannot take bind
 * parameters for names, so this is the only defence: a quoted identifier can never end early,
 * whatever characters the name contains.
 */
public final class SqlIdentifier {

    /** PostgreSQL's NAMEDATALEN - 1: longer names would be silently truncated, so two tenants could collide. */
    static final int MAX_BYTES = 63;

    private SqlIdentifier() {
    }

    /**
     * Returns {@code identifier} as a double-quoted identifier, embedded double quotes doubled.
     *
     * @throws IllegalArgumentException if the name is null or empty, longer than 63 UTF-8 bytes,
     *     or contains NUL or an unpaired surrogate (none of which PostgreSQL can store as given)
     */
    public static String quote(String identifier) {
        if (identifier == null || identifier.isEmpty()) {
            throw new IllegalArgumentException("SQL identifier must not be empty");
        }
        if (identifier.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("SQL identifier must not contain NUL characters");
        }
        if (identifier.codePoints().anyMatch(c -> Character.getType(c) == Character.SURROGATE)) {
            throw new IllegalArgumentException("SQL identifier must be valid Unicode (unpaired surrogate found)");
        }
        int bytes = identifier.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw new IllegalArgumentException(
                    "SQL identifier is " + bytes + " bytes long; PostgreSQL allows at most " + MAX_BYTES);
        }
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
