package io.veroforge.generator.model;

/**
 * Workflow actions. All but {@link #CUSTOM} have a template; a custom action is described in
 * words ({@code message}) and becomes a {@link Gap} for the AI gap filler.
 */
public enum ActionType implements Keyword {
    SEND_EMAIL("sendEmail"),
    CALL_WEBHOOK("callWebhook"),
    SET_FIELD("setField"),
    CREATE_ENTITY("createEntity"),
    NOTIFY("notify"),
    CUSTOM("custom");

    private final String keyword;

    ActionType(String keyword) {
        this.keyword = keyword;
    }

    @Override
    public String keyword() {
        return keyword;
    }
}
