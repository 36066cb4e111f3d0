package io.veroforge.generator.gaps;

/**
 * Where an AI-written gap body came from, printed in the gap file's header and reported per gap.
 *
 * @param model      the provider and model that wrote it, e.g. {@code openai:gpt-4o-mini}
 * @param promptHash {@code sha256:…} of the prompt (the gap's contract), the cache key's main part
 * @param attempts   how many answers it took until one passed validation (1..3)
 * @param confidence the model's own confidence, 0..1, as it answered it
 * @param cached     true when the fill came from the cache (validated when it was first written)
 */
public record FillProvenance(String model, String promptHash, int attempts, double confidence, boolean cached) {

    /** {@code openai:gpt-4o-mini, prompt sha256:ab12…, 2 attempt(s), confidence 0.80}. */
    public String describe() {
        return model + ", prompt " + promptHash + ", " + attempts + " attempt(s), confidence " + String.format(java.util.Locale.ROOT, "%.2f", confidence)
                + (cached ? ", from cache" : "");
    }
}
