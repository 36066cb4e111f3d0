package io.veroforge.generator.ai;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The wire protocols spoken; {@code openai} covers every OpenAI-compatible gateway (vLLM, LM Studio, Azure-style). */
public enum AiProviderKind {
    OPENAI("openai", "https://api.openai.com/v1"),
    ANTHROPIC("anthropic", "https://api.anthropic.com/v1/"),
    OLLAMA("ollama", "http://localhost:11434");

    private final String id;
    private final String defaultBaseUrl;

    AiProviderKind(String id, String defaultBaseUrl) {
        this.id = id;
        this.defaultBaseUrl = defaultBaseUrl;
    }

    public String id() {
        return id;
    }

    public String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    /** Whether the provider is sent a JSON schema for the answer; the others are told the shape in the prompt. */
    public boolean structuredOutput() {
        return this != ANTHROPIC;
    }

    public static AiProviderKind parse(String text, String field) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.id.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(field + ": unknown provider '" + text + "'; use one of "
                        + Arrays.stream(values()).map(AiProviderKind::id).collect(Collectors.joining(", "))));
    }
}
