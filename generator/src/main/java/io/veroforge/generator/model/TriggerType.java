package io.veroforge.generator.model;

public enum TriggerType implements Keyword {
    ENTITY_CREATED("entityCreated"),
    ENTITY_UPDATED("entityUpdated"),
    FIELD_CHANGED("fieldChanged"),
    SCHEDULE("schedule");

    private final String keyword;

    TriggerType(String keyword) {
        this.keyword = keyword;
    }

    @Override
    public String keyword() {
        return keyword;
    }
}
