package io.veroforge.generator.model;

public enum Regime implements Keyword {
    HIPAA("hipaa"),
    PCI("pci"),
    GDPR("gdpr");

    private final String keyword;

    Regime(String keyword) {
        this.keyword = keyword;
    }

    @Override
    public String keyword() {
        return keyword;
    }
}
