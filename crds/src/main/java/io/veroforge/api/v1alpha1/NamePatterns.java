package io.veroforge.api.v1alpha1;

/**
 * Regular expressions shared by the schemas of every kind. They are constants so that the
 * validation annotations can use them; the generator and the operator may use them too, so a name
 * accepted by the API server is exactly a name they can turn into code, SQL and Kubernetes objects.
 */
public final class NamePatterns {
    /**
     * A non-negative Kubernetes quantity written as a string (500m, 2, 4Gi, 1.5, 1e3), without
     * backslashes so it can stand inside a CEL string literal.
     */
    public static final String QUANTITY = "^[+]?([0-9]+([.][0-9]*)?|[.][0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$";

    /** A DNS-1123 label (Kubernetes object names, namespaces). */
    public static final String DNS_LABEL = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";
    /** A DNS-1123 subdomain (RuntimeClass names, Secret names). */
    public static final String DNS_SUBDOMAIN = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";
    /** A lower-case, dash-separated word list: verticals, role, workflow and page names. */
    public static final String KEBAB_NAME = "^[a-z][a-z0-9]*(-[a-z0-9]+)*$";
    /**
     * Entity names in an AppSpec become TypeScript classes, Prisma models and (snake-cased) table names. PascalCase,
     * or snake_case (pasted from a database), which the generator maps to PascalCase with a warning.
     */
    public static final String SPEC_ENTITY_NAME = "^[A-Za-z][A-Za-z0-9]*(_+[A-Za-z0-9]+)*_*$";
    /** An entity of a generated app as the platform names it (PascalCase): what plugins refer to. */
    public static final String ENTITY_NAME = "^[A-Z][A-Za-z0-9]*$";
    /**
     * Field and relation names become TypeScript properties and (snake-cased) column names. camelCase,
     * or snake_case / PascalCase, which the generator maps to camelCase with a warning (a snake_case
     * column stays as written).
     */
    public static final String FIELD_NAME = "^[A-Za-z][A-Za-z0-9]*(_+[A-Za-z0-9]+)*_*$";
    /** Values of an enum field become TypeScript and PostgreSQL enum labels. */
    public static final String ENUM_VALUE = "^[A-Za-z][A-Za-z0-9_]*$";
    /** A Go-style duration such as 30s, 5m or 1h30m, as Kubernetes CEL's duration() parses it. */
    public static final String DURATION = "^([0-9]+(ms|s|m|h))+$";
    /** A cron expression with five fields, or one of the @hourly/@daily/@weekly/@monthly shortcuts. */
    public static final String CRON = "^((@(hourly|daily|weekly|monthly|yearly))|([^\\s]+\\s+){4}[^\\s]+)$";
    /** An HTTPS URL: webhooks and metrics endpoints never carry tenant data in clear text. */
    public static final String HTTPS_URL = "^https://[^\\s]+$";

    private NamePatterns() {
    }
}
