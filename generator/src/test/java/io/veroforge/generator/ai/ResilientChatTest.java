package io.veroforge.generator.ai;

import static io.veroforge.generator.ai.MockProvider.Reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each provider's real protocol against the local server, and every fault the resilience handles. */
class ResilientChatTest {

    private static final AiProviderSettings.Resilience FAST = new AiProviderSettings.Resilience(3, Duration.ofMillis(10),
            Duration.ofSeconds(5), 100, Duration.ofMinutes(1));

    private MockProvider server;
    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = new MockProvider();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ResilientChat chat(AiProviderKind kind, String baseUrl, AiProviderSettings.Resilience r, boolean realSleep) {
        AiProviderSettings s = new AiProviderSettings(kind, baseUrl, "test-model", "sk-test-key", Duration.ofSeconds(5), r, 10_000);
        return ResilientChat.connect(s, d -> {
            waits.add(d);
            if (realSleep) {
                Thread.sleep(d.toMillis());
            }
        });
    }

    private ResilientChat openAi(AiProviderSettings.Resilience r) {
        return chat(AiProviderKind.OPENAI, server.url() + "/v1", r, false);
    }

    private static ChatRequest request(boolean schema) {
        ChatRequest.Builder b = ChatRequest.builder().messages(SystemMessage.from("You write TypeScript."), UserMessage.from("contract: run(ctx)"));
        if (schema) {
            b.responseFormat(ResponseFormat.builder().type(ResponseFormatType.JSON).jsonSchema(JsonSchema.builder().name("gap_fill")
                    .rootElement(JsonObjectSchema.builder().addStringProperty("body").required("body").additionalProperties(false).build())
                    .build()).build());
        }
        return b.build();
    }

    @Test
    void openAiChatCompletionsWithJsonSchemaResponseFormat() {
        server.then(Reply.json(MockProvider.openAi("test-model", "{\"body\":\"return;\"}", 42, 7)));
        ChatResponse response = openAi(FAST).chat(request(true));

        assertThat(response.aiMessage().text()).isEqualTo("{\"body\":\"return;\"}");
        assertThat(response.tokenUsage().inputTokenCount()).isEqualTo(42);
        assertThat(response.tokenUsage().outputTokenCount()).isEqualTo(7);
        MockProvider.Received r = server.received().get(0);
        assertThat(r.path()).isEqualTo("/v1/chat/completions");
        assertThat(r.header("Authorization")).isEqualTo("Bearer sk-test-key");
        assertThat(r.body().path("model").asText()).isEqualTo("test-model");
        assertThat(r.body().path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(r.body().path("messages").get(1).path("content").asText()).isEqualTo("contract: run(ctx)");
        assertThat(r.body().path("response_format").path("type").asText()).isEqualTo("json_schema");
        assertThat(r.body().path("response_format").path("json_schema").path("name").asText()).isEqualTo("gap_fill");
        assertThat(r.body().path("response_format").path("json_schema").path("schema").path("required").get(0).asText()).isEqualTo("body");
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void anthropicMessages() {
        server.then(Reply.json(MockProvider.anthropic("test-model", "{\"body\":\"return;\"}", 30, 5)));
        ChatResponse response = chat(AiProviderKind.ANTHROPIC, server.url() + "/v1/", FAST, false).chat(request(false));

        assertThat(response.aiMessage().text()).isEqualTo("{\"body\":\"return;\"}");
        assertThat(response.tokenUsage().totalTokenCount()).isEqualTo(35);
        MockProvider.Received r = server.received().get(0);
        assertThat(r.path()).isEqualTo("/v1/messages");
        assertThat(r.header("x-api-key")).isEqualTo("sk-test-key");
        assertThat(r.header("anthropic-version")).isNotBlank();
        assertThat(r.body().path("model").asText()).isEqualTo("test-model");
        assertThat(r.body().path("max_tokens").asInt()).isEqualTo(ChatModels.MAX_OUTPUT_TOKENS);
        assertThat(r.allText()).contains("You write TypeScript.").contains("contract: run(ctx)");
    }

    @Test
    void ollamaChatWithSchemaFormat() {
        server.then(Reply.json(MockProvider.ollama("test-model", "{\"body\":\"return;\"}", 20, 4)));
        ChatResponse response = chat(AiProviderKind.OLLAMA, server.url(), FAST, false).chat(request(true));

        assertThat(response.aiMessage().text()).isEqualTo("{\"body\":\"return;\"}");
        assertThat(response.tokenUsage().inputTokenCount()).isEqualTo(20);
        MockProvider.Received r = server.received().get(0);
        assertThat(r.path()).isEqualTo("/api/chat");
        assertThat(r.body().path("model").asText()).isEqualTo("test-model");
        assertThat(r.body().path("stream").asBoolean(true)).isFalse();
        assertThat(r.body().path("format").path("required").get(0).asText()).isEqualTo("body");
        assertThat(r.allText()).contains("contract: run(ctx)");
    }

    @Test
    void aTimeoutIsRetriedWithBackoff() {
        server.then(Reply.json(MockProvider.openAi("test-model", "late", 1, 1)).after(Duration.ofSeconds(3)),
                Reply.json(MockProvider.openAi("test-model", "in time", 1, 1)));
        AiProviderSettings s = new AiProviderSettings(AiProviderKind.OPENAI, server.url() + "/v1", "test-model", "k", Duration.ofMillis(500),
                FAST, 10_000);
        ResilientChat chat = ResilientChat.connect(s, waits::add);

        assertThat(chat.chat(request(false)).aiMessage().text()).isEqualTo("in time");
        assertThat(server.received()).hasSize(2);
        assertThat(waits).containsExactly(Duration.ofMillis(10));
    }

    @Test
    void serverErrorsAreRetriedThreeTimesThenFailNamingTheCause() {
        server.always(Reply.status(500, MockProvider.openAiError("The server had an error", "server_error")));

        assertThatThrownBy(() -> openAi(FAST).chat(request(false)))
                .isInstanceOfSatisfying(AiFailure.class, f -> {
                    assertThat(f.kind()).isEqualTo(AiFailure.Cause.SERVER_ERROR);
                    assertThat(f.describe()).startsWith("ProviderServerError: HTTP 500 from openai test-model at " + server.url() + "/v1")
                            .contains("The server had an error").endsWith("(3 attempt(s))");
                    assertThat(f.getMessage()).doesNotContain("sk-test-key");
                });
        assertThat(server.received()).hasSize(3);
        assertThat(waits).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20));
    }

    @Test
    void rateLimitWaitsWhatRetryAfterSays() {
        server.then(Reply.status(429, MockProvider.openAiError("Rate limit reached", "requests")).header("Retry-After", "1"),
                Reply.json(MockProvider.openAi("test-model", "after the wait", 1, 1)));

        assertThat(chat(AiProviderKind.OPENAI, server.url() + "/v1", FAST, true).chat(request(false)).aiMessage().text())
                .isEqualTo("after the wait");
        assertThat(waits).containsExactly(Duration.ofSeconds(1)); // not the 10 ms backoff
        List<MockProvider.Received> r = server.received();
        assertThat(r).hasSize(2);
        // a lower bound only: the retry cannot have come sooner than the server asked
        assertThat(Duration.ofNanos(r.get(1).atNanos() - r.get(0).atNanos())).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aRetryAfterLongerThanTheCapFailsAtOnce() {
        server.always(Reply.status(429, MockProvider.openAiError("Rate limit reached", "tokens")).header("Retry-After", "3600"));

        assertThatThrownBy(() -> openAi(FAST).chat(request(false))).isInstanceOfSatisfying(AiFailure.class, f -> {
            assertThat(f.kind()).isEqualTo(AiFailure.Cause.RATE_LIMITED);
            assertThat(f.getMessage()).contains("asked to retry after PT1H, longer than the PT5S allowed");
        });
        assertThat(server.received()).hasSize(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void malformedJsonIsRetriedThenAccepted() {
        server.then(Reply.json("{\"id\":\"chatcmpl-1\",\"choices\":[{\"message\":"), Reply.json(MockProvider.openAi("test-model", "ok", 1, 1)));

        assertThat(openAi(FAST).chat(request(false)).aiMessage().text()).isEqualTo("ok");
        assertThat(server.received()).hasSize(2);
    }

    @Test
    void malformedJsonEveryTimeIsAMalformedResponse() {
        server.always(Reply.json("not json at all"));

        assertThatThrownBy(() -> openAi(FAST).chat(request(false))).isInstanceOfSatisfying(AiFailure.class,
                f -> assertThat(f.kind()).isEqualTo(AiFailure.Cause.MALFORMED_RESPONSE));
        assertThat(server.received()).hasSize(3);
    }

    @Test
    void aRejectedKeyIsNotRetried() {
        server.always(Reply.status(401, MockProvider.openAiError("Incorrect API key provided", "invalid_request_error")));

        assertThatThrownBy(() -> openAi(FAST).chat(request(false))).isInstanceOfSatisfying(AiFailure.class, f -> {
            assertThat(f.kind()).isEqualTo(AiFailure.Cause.AUTHENTICATION);
            assertThat(f.kind().reason()).isEqualTo("ProviderAuthenticationFailed");
        });
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void theCircuitOpensAfterRepeatedFailuresAndThenRefusesWithoutCalling() {
        server.always(Reply.status(503, MockProvider.openAiError("overloaded", "server_error")));
        ResilientChat chat = openAi(new AiProviderSettings.Resilience(3, Duration.ofMillis(1), Duration.ofSeconds(5), 3, Duration.ofMinutes(5)));

        assertThatThrownBy(() -> chat.chat(request(false))).isInstanceOfSatisfying(AiFailure.class,
                f -> assertThat(f.kind()).isEqualTo(AiFailure.Cause.SERVER_ERROR));
        assertThat(chat.breaker().state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThatThrownBy(() -> chat.chat(request(false))).isInstanceOfSatisfying(AiFailure.class, f -> {
            assertThat(f.kind()).isEqualTo(AiFailure.Cause.CIRCUIT_OPEN);
            assertThat(f.getMessage()).contains("open after 3 consecutive failure(s)").contains("HTTP 503");
        });
        assertThat(server.received()).hasSize(3);
    }

    @Test
    void anUnreachableProviderIsNamed() {
        server.close();
        assertThatThrownBy(() -> openAi(FAST).chat(request(false))).isInstanceOfSatisfying(AiFailure.class, f -> {
            assertThat(f.kind()).isEqualTo(AiFailure.Cause.UNREACHABLE);
            assertThat(f.getMessage()).contains("cannot reach " + server.url() + "/v1/chat/completions");
        });
    }
}
