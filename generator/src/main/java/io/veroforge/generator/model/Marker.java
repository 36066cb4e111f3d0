package io.veroforge.generator.model;

/** Data classification markers on a field; they drive compliance inference and search indexes. */
public enum Marker implements Keyword {
    PII("pii"),
    PHI("phi"),
    CARD_DATA("cardData"),
    SEARCHABLE("searchable");

    private final String keyword;

    Marker(String keyword) {
        this.keyword = keyword;
    }

    @Override
    public String keyword() {
        return keyword;
    }
}
