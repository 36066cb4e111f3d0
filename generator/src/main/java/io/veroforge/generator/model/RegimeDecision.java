package io.veroforge.generator.model;

/** Whether a compliance regime applies, and why (explicit flag, vertical, or a field marker). */
public record RegimeDecision(Regime regime, boolean applies, String reason) {
}
