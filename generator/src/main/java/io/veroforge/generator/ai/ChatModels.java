package io.veroforge.generator.ai;

import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

/**
 * Builds the LangChain4j chat model for the configured provider. LangChain4j's own retries are
 * off ({@code maxRetries(0)}): {@link ResilientChat} retries, so that {@code Retry-After} and the
 * circuit breaker see every attempt.
 */
public final class ChatModels {

    /** Anthropic requires a limit on the answer; a gap body is far below it. */
    static final int MAX_OUTPUT_TOKENS = 4096;

    private ChatModels() {
    }

    public static ChatModel build(AiProviderSettings s, HttpClientBuilder http) {
        return switch (s.kind()) {
            case OPENAI -> OpenAiChatModel.builder().httpClientBuilder(http).baseUrl(s.baseUrl())
                    // keyless OpenAI-compatible servers (vLLM, LM Studio) ignore the header; LangChain4j wants one
                    .apiKey(s.apiKey() == null ? "none" : s.apiKey())
                    .modelName(s.model()).timeout(s.timeout()).maxRetries(0).maxTokens(MAX_OUTPUT_TOKENS)
                    .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA).strictJsonSchema(true).build();
            case ANTHROPIC -> AnthropicChatModel.builder().httpClientBuilder(http).baseUrl(s.baseUrl()).apiKey(s.apiKey())
                    .modelName(s.model()).timeout(s.timeout()).maxRetries(0).maxTokens(MAX_OUTPUT_TOKENS).build();
            case OLLAMA -> OllamaChatModel.builder().httpClientBuilder(http).baseUrl(s.baseUrl()).modelName(s.model())
                    .timeout(s.timeout()).maxRetries(0).supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA).build();
        };
    }
}
