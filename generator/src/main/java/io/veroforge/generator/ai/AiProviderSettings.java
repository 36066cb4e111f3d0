package io.veroforge.generator.ai;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one language model the platform owner configured (Helm values + a Secret for the key).
 *
 * @param kind                   the wire protocol
 * @param baseUrl                where it is served, e.g. {@code https://api.openai.com/v1} or a vLLM gateway
 * @param model                  the model name sent with every request, recorded in provenance
 * @param apiKey                 the key (from the environment or a mounted Secret file); null for keyless local servers
 * @param timeout                per HTTP exchange
 * @param resilience             retries, backoff, Retry-After cap and circuit breaker
 * @param maxTokensPerGeneration tokens (in + out) one Generation may spend; past it, the remaining gaps stay template-only
 */
public record AiProviderSettings(AiProviderKind kind, String baseUrl, String model, String apiKey, Duration timeout,
                                 Resilience resilience, long maxTokensPerGeneration) {

    public static final String PROVIDER = "VEROFORGE_AI_PROVIDER";
    public static final String BASE_URL = "VEROFORGE_AI_BASE_URL";
    public static final String MODEL = "VEROFORGE_AI_MODEL";
    public static final String API_KEY = "VEROFORGE_AI_API_KEY";
    public static final String API_KEY_FILE = "VEROFORGE_AI_API_KEY_FILE";
    public static final String TIMEOUT_SECONDS = "VEROFORGE_AI_TIMEOUT_SECONDS";
    public static final String MAX_TOKENS = "VEROFORGE_AI_MAX_TOKENS_PER_GENERATION";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    public static final long DEFAULT_MAX_TOKENS = 200_000;

    /**
     * @param maxAttempts     HTTP attempts per call (the first one included)
     * @param initialBackoff  wait before the second attempt, doubled before each further one
     * @param maxRetryAfter   the longest {@code Retry-After} honoured; a longer one fails the call at once
     * @param failuresToOpen  consecutive failed attempts that open the circuit
     * @param openFor         how long an open circuit refuses calls before letting one trial through
     */
    public record Resilience(int maxAttempts, Duration initialBackoff, Duration maxRetryAfter, int failuresToOpen, Duration openFor) {
        public static final Resilience DEFAULTS = new Resilience(3, Duration.ofMillis(500), Duration.ofSeconds(60), 5, Duration.ofSeconds(60));

        public Resilience {
            if (maxAttempts < 1 || failuresToOpen < 1) {
                throw new IllegalArgumentException("maxAttempts and failuresToOpen must be at least 1");
            }
            Objects.requireNonNull(initialBackoff, "initialBackoff");
            Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
            Objects.requireNonNull(openFor, "openFor");
        }
    }

    public AiProviderSettings {
        Objects.requireNonNull(kind, "kind");
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException(MODEL + ": no model name; set the model the provider serves, e.g. gpt-4o-mini");
        }
        baseUrl = baseUrl == null || baseUrl.isBlank() ? kind.defaultBaseUrl() : baseUrl.strip();
        URI uri;
        try {
            uri = URI.create(baseUrl);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(BASE_URL + ": '" + baseUrl + "' is not a URL; use e.g. " + kind.defaultBaseUrl());
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException(BASE_URL + ": '" + baseUrl + "' must start with http:// or https://");
        }
        if ((kind == AiProviderKind.ANTHROPIC || baseUrl.equals(AiProviderKind.OPENAI.defaultBaseUrl())) && (apiKey == null || apiKey.isBlank())) {
            throw new IllegalArgumentException(API_KEY + ": " + kind.id() + " at " + baseUrl + " needs an API key; set " + API_KEY
                    + " or mount the Secret and set " + API_KEY_FILE);
        }
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        resilience = resilience == null ? Resilience.DEFAULTS : resilience;
        if (maxTokensPerGeneration <= 0) {
            throw new IllegalArgumentException(MAX_TOKENS + ": must be positive, was " + maxTokensPerGeneration);
        }
    }

    public AiProviderSettings withResilience(Resilience r) {
        return new AiProviderSettings(kind, baseUrl, model, apiKey, timeout, r, maxTokensPerGeneration);
    }

    public AiProviderSettings withTimeout(Duration t) {
        return new AiProviderSettings(kind, baseUrl, model, apiKey, t, resilience, maxTokensPerGeneration);
    }

    public AiProviderSettings withMaxTokensPerGeneration(long max) {
        return new AiProviderSettings(kind, baseUrl, model, apiKey, timeout, resilience, max);
    }

    /** {@code openai gpt-4o-mini at https://…}: for logs and provenance, never the key. */
    public String describe() {
        return kind.id() + " " + model + " at " + baseUrl;
    }

    @Override
    public String toString() {
        return "AiProviderSettings[" + describe() + ", key " + (apiKey == null ? "none" : "set") + ", timeout " + timeout + "]";
    }

    /**
     * From environment variables (the Helm chart sets them, the key from a Secret): empty when
     * {@value #PROVIDER} is unset, i.e. no model configured, template-only gaps.
     */
    public static Optional<AiProviderSettings> fromEnvironment(Map<String, String> env) {
        String provider = env.get(PROVIDER);
        if (provider == null || provider.isBlank()) {
            return Optional.empty();
        }
        AiProviderKind kind = AiProviderKind.parse(provider, PROVIDER);
        String key = env.get(API_KEY);
        String keyFile = env.get(API_KEY_FILE);
        if ((key == null || key.isBlank()) && keyFile != null && !keyFile.isBlank()) {
            try {
                key = Files.readString(Path.of(keyFile), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new IllegalArgumentException(API_KEY_FILE + ": cannot read " + keyFile + " (" + e.getClass().getSimpleName()
                        + "); mount the Secret holding the key there");
            }
        }
        return Optional.of(new AiProviderSettings(kind, env.get(BASE_URL), env.get(MODEL), key,
                Duration.ofSeconds(positive(env, TIMEOUT_SECONDS, DEFAULT_TIMEOUT.toSeconds())), Resilience.DEFAULTS,
                positive(env, MAX_TOKENS, DEFAULT_MAX_TOKENS)));
    }

    private static long positive(Map<String, String> env, String name, long fallback) {
        String text = env.get(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text.strip());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(name + ": must be a positive whole number, was '" + text + "'");
    }
}
