package io.veroforge.generator.gaps;

/**
 * What an AI filler did in one generation, counted (the generator has no Micrometer: the operator
 * turns these into metrics and the Generation status).
 *
 * @param calls          requests answered or attempted by the model (each attempt of a gap is one)
 * @param inputTokens    prompt tokens the provider reported
 * @param outputTokens   answer tokens the provider reported
 * @param cacheHits      gaps answered from the fill cache, without a call
 * @param accepted       fills that passed validation (cache hits included)
 * @param rejected       answers the validation refused (each was fed back, or the gap stayed template-only)
 * @param degradedReason the condition reason when the provider failed or the budget ran out (e.g. {@code ProviderRateLimited}), or null
 * @param degradedMessage what happened, naming the provider and the cause, or null
 */
public record GapFillingStats(int calls, long inputTokens, long outputTokens, int cacheHits, int accepted, int rejected,
                              String degradedReason, String degradedMessage) {

    public boolean degraded() {
        return degradedReason != null;
    }

    public long tokens() {
        return inputTokens + outputTokens;
    }
}
