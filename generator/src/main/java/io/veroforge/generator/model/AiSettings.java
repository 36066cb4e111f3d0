package io.veroforge.generator.model;

/** AI gap filling; the defaults are the CRD's ({@code ai: {}} = enabled, at most 20 gaps per Generation). */
public record AiSettings(boolean enabled, String model, int maxGapsPerGeneration) {
    public static final int DEFAULT_MAX_GAPS = 20;
    /** The CRD allows 0..200. */
    public static final int MAX_GAPS_LIMIT = 200;
    public static final AiSettings DEFAULTS = new AiSettings(true, null, DEFAULT_MAX_GAPS);
    public static final AiSettings DISABLED = new AiSettings(false, null, DEFAULT_MAX_GAPS);
}
