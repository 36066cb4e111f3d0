package io.veroforge.generator.validate;

import java.util.regex.Pattern;

/** The identifier shapes an AppSpec uses, and the largest name PostgreSQL keeps without truncating. */
final class Identifiers {

    static final Pattern PASCAL = Pattern.compile("[A-Z][A-Za-z0-9]*");
    static final Pattern CAMEL = Pattern.compile("[a-z][A-Za-z0-9]*");
    static final Pattern ROLE = Pattern.compile("[a-z][A-Za-z0-9_-]*");
    /** The CRD's KEBAB_NAME: workflow and page names (a page name is also its URL path segment). */
    static final Pattern KEBAB = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    static final Pattern ENUM_VALUE = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    /** PostgreSQL NAMEDATALEN - 1; longer identifiers are silently truncated, which breaks lookups. */
    static final int MAX_SQL_IDENTIFIER = 63;

    private Identifiers() {
    }
}
