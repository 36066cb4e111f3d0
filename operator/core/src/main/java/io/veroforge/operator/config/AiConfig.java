package io.veroforge.operator.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The language model the platform owner configured for gap filling (Helm: {@code ai.*}, the key from
 * a Secret; docs/ai.md "In the operator"). {@code provider=none}, the default, is template-only
 * generation exactly as without this: no request leaves the operator.
 */
@ConfigMapping(prefix = "veroforge.ai")
public interface AiConfig {

    /** The wire protocols; {@code openai} covers every OpenAI-compatible gateway (vLLM, LM Studio, Azure-style). */
    enum Provider {
        none, openai, anthropic, ollama
    }

    /** How an AI-written gap body is checked before it may reach Git. */
    enum Validation {
        /**
         * The security scanner, then a TypeScript type check, ESLint and the gap's own Jest tests of the
         * generated API with the fill in place (node and npm on the operator's PATH).
         */
        full,
        /** The security scanner and the contract's import rule only: for tests and development, never production. */
        scanner
    }

    @WithDefault("none")
    Provider provider();

    /** Where the provider is served; unset: the provider's public endpoint (OpenAI, Anthropic) or localhost:11434 (Ollama). */
    Optional<String> baseUrl();

    /** The model name sent with every request and recorded in provenance, e.g. gpt-4o-mini. Required unless provider=none. */
    Optional<String> model();

    /** The API key: env {@code VEROFORGE_AI_API_KEY}, which the chart fills from a Secret. Never logged. */
    Optional<String> apiKey();

    /** Per HTTP exchange with the provider. */
    @WithDefault("60s")
    Duration timeout();

    /** HTTP attempts per request, the first included; 5xx, timeouts, 429 and unreadable answers are retried. */
    @WithDefault("3")
    int maxAttempts();

    /** Wait before the second attempt, doubled before each further one ({@code 429 Retry-After} wins when it says more). */
    @WithDefault("500ms")
    Duration initialBackoff();

    /** The longest {@code Retry-After} honoured; a longer one fails the request at once. */
    @WithDefault("60s")
    Duration maxRetryAfter();

    /** Consecutive failed attempts (across Generations) that open the circuit to the provider. */
    @WithDefault("5")
    int failuresToOpen();

    /** How long an open circuit refuses requests before one trial goes through. */
    @WithDefault("60s")
    Duration openFor();

    /** Tokens (prompt + answer) one Generation may spend; past it the remaining gaps stay template-only (AiBudgetExceeded). */
    @WithDefault("200000")
    long maxTokensPerGeneration();

    @WithDefault("full")
    Validation validation();

    /** Scratch space of the full validation: one generated API per gap and the shared npm installs. */
    @WithDefault("/var/lib/veroforge/ai")
    String workDir();
}
