package io.veroforge.generator.input;

public record AiInput(Boolean enabled, String model, Integer maxGapsPerGeneration) {
}
