package io.veroforge.generator.model;

public record AiSettings(boolean enabled, String model, int maxGapsPerGeneration) {
    public static final int DEFAULT_MAX_GAPS = 5;
    public static final AiSettings DISABLED = new AiSettings(false, null, DEFAULT_MAX_GAPS);
}
