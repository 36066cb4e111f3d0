package io.veroforge.generator.requirements;

import java.util.Locale;

/**
 * Where a proposed element came from: the engine ({@code embedding} or {@code llm}), its model,
 * the phrase of the requirements it was read from, and how sure the engine is (0..1).
 *
 * @param promptHash the hash of the prompt for an LLM engine; null for the embedding engine, which has no prompt
 */
public record Provenance(String engine, String model, String phrase, double confidence, String promptHash) {

    public Provenance(String engine, String model, String phrase, double confidence) {
        this(engine, model, phrase, confidence, null);
    }

    /** The origin detail {@code explain} prints: {@code embedding all-minilm-l6-v2, "each job has a crew", confidence 0.87}. */
    public String describe() {
        return engine + " " + model + (promptHash == null ? "" : " prompt " + promptHash) + ", \"" + phrase + "\", confidence "
                + String.format(Locale.ROOT, "%.2f", confidence);
    }
}
