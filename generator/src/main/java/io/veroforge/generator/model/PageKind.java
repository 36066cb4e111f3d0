package io.veroforge.generator.model;

/** The UI page layouts a template pack can render (the CRD's {@code PageKind}). */
public enum PageKind implements Keyword {
    LIST("list"),
    DETAIL("detail"),
    FORM("form"),
    DASHBOARD("dashboard"),
    /** Rows of an entity placed by a date or datetime field. */
    CALENDAR("calendar"),
    /** Rows of an entity placed by their address or location. */
    MAP("map"),
    /** Rows of an entity in columns by an enum field (usually a status). */
    KANBAN("kanban");

    private final String keyword;

    PageKind(String keyword) {
        this.keyword = keyword;
    }

    @Override
    public String keyword() {
        return keyword;
    }

    public boolean needsEntity() {
        return this != DASHBOARD;
    }
}
