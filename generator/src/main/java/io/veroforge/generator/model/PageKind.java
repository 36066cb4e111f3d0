package io.veroforge.generator.model;

public enum PageKind implements Keyword {
    LIST("list"),
    DETAIL("detail"),
    FORM("form"),
    DASHBOARD("dashboard");

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
