package io.veroforge.generator.model;

/** Where an element of the resolved model came from, in words a user can follow back. */
public record Origin(OriginKind kind, String detail) {

    public static Origin explicit(String path) {
        return new Origin(OriginKind.EXPLICIT, path);
    }

    public static Origin vertical(String vertical, String term) {
        return new Origin(OriginKind.VERTICAL, vertical + ": " + term);
    }

    public static Origin universal(String concept) {
        return new Origin(OriginKind.UNIVERSAL, concept);
    }

    public static Origin compliance(Regime regime, String rule) {
        return new Origin(OriginKind.COMPLIANCE, regime.name() + ": " + rule);
    }

    /** @param provenance e.g. {@code embedding all-minilm-l6-v2, "each job has a crew", confidence 0.87} */
    public static Origin requirements(String provenance) {
        return new Origin(OriginKind.REQUIREMENTS, provenance);
    }

    public static Origin derived(String reason) {
        return new Origin(OriginKind.DERIVED, reason);
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase() + " (" + detail + ")";
    }
}
