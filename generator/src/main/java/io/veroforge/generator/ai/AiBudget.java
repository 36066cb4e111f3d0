package io.veroforge.generator.ai;

import dev.langchain4j.model.output.TokenUsage;

/**
 * What one Generation may spend: {@code spec.ai.maxGapsPerGeneration} gaps sent to the model,
 * {@code 3} calls per gap, and the platform's token limit. Checked before each call: a call that
 * would exceed it is refused with {@link AiFailure.Cause#BUDGET_EXCEEDED} naming the limit.
 */
public final class AiBudget {

    private final int maxGaps;
    private final int maxCalls;
    private final long maxTokens;
    private int gaps;
    private int calls;
    private long inputTokens;
    private long outputTokens;

    public AiBudget(int maxGaps, int callsPerGap, long maxTokens) {
        this.maxGaps = maxGaps;
        this.maxCalls = maxGaps * callsPerGap;
        this.maxTokens = maxTokens;
    }

    /** One more gap for the model, or a refusal once {@code spec.ai.maxGapsPerGeneration} gaps were sent. */
    public synchronized void startGap() {
        if (gaps >= maxGaps) {
            throw new AiFailure(AiFailure.Cause.BUDGET_EXCEEDED, "spec.ai.maxGapsPerGeneration is " + maxGaps
                    + ": the remaining gaps stay template-only; raise it or split the requirements");
        }
        gaps++;
    }

    public synchronized void beforeCall() {
        if (calls >= maxCalls) {
            throw new AiFailure(AiFailure.Cause.BUDGET_EXCEEDED, calls + " calls made, the limit for " + maxGaps
                    + " gap(s) (spec.ai.maxGapsPerGeneration × 3 attempts)");
        }
        if (inputTokens + outputTokens >= maxTokens) {
            throw new AiFailure(AiFailure.Cause.BUDGET_EXCEEDED, (inputTokens + outputTokens) + " tokens spent of the " + maxTokens
                    + " allowed per Generation (" + AiProviderSettings.MAX_TOKENS + "); the remaining gaps stay template-only");
        }
        calls++;
    }

    public synchronized void record(TokenUsage usage) {
        if (usage != null) {
            inputTokens += usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
            outputTokens += usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
        }
    }

    public synchronized int calls() {
        return calls;
    }

    public synchronized long inputTokens() {
        return inputTokens;
    }

    public synchronized long outputTokens() {
        return outputTokens;
    }
}
