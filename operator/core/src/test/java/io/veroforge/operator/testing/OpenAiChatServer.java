package io.veroforge.operator.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A local server speaking OpenAI's chat completions protocol ({@code POST /v1/chat/completions},
 * answers shaped like recorded ones, errors as OpenAI sends them), for the operator's AI tests:
 * it answers every request the way it is told to now ({@link #answerWith}, {@link #failWith}) and
 * keeps every request, so a test can count what the operator sent. As a test resource it points
 * {@code veroforge.ai.*} at itself, with scanner-only validation and short backoffs.
 */
public class OpenAiChatServer implements QuarkusTestResourceLifecycleManager {
    public static final String MODEL = "test-coder";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static HttpServer server;
    private static ExecutorService executor;
    private static final List<JsonNode> RECEIVED = new CopyOnWriteArrayList<>();
    private static volatile int status = 200;
    private static volatile String content = "{}";

    @Override
    public Map<String, String> start() {
        try {
            executor = Executors.newCachedThreadPool();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(executor);
            server.createContext("/", OpenAiChatServer::handle);
            server.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the local OpenAI-protocol server", e);
        }
        return Map.ofEntries(
                Map.entry("veroforge.ai.provider", "openai"),
                Map.entry("veroforge.ai.base-url", "http://127.0.0.1:" + server.getAddress().getPort() + "/v1"),
                Map.entry("veroforge.ai.model", MODEL),
                Map.entry("veroforge.ai.api-key", "sk-test"),
                Map.entry("veroforge.ai.timeout", "5s"),
                // node is not run here: NodeFillValidatorTest (generator) covers the type check and the gap's tests
                Map.entry("veroforge.ai.validation", "scanner"),
                Map.entry("veroforge.ai.max-attempts", "2"),
                Map.entry("veroforge.ai.initial-backoff", "10ms"),
                Map.entry("veroforge.ai.failures-to-open", "50"),
                Map.entry("veroforge.ai.open-for", "1s"));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    /** Every request from now on is answered 200 with this message content (the gap fill JSON). */
    public static void answerWith(String messageContent) {
        content = messageContent;
        status = 200;
    }

    /** Every request from now on gets this HTTP status with an OpenAI error body. */
    public static void failWith(int httpStatus) {
        status = httpStatus;
    }

    /** The bodies of the requests received so far. */
    public static List<JsonNode> received() {
        return List.copyOf(RECEIVED);
    }

    /** A fill as the gap contract asks for it: {@code {"imports": [...], "body": "...", "confidence": n}}. */
    public static String fill(List<String> imports, String body, double confidence) {
        ObjectNode a = JSON.createObjectNode();
        imports.forEach(a.putArray("imports")::add);
        return a.put("body", body).put("confidence", confidence).toString();
    }

    private static void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] in = exchange.getRequestBody().readAllBytes();
            if (!"POST".equals(exchange.getRequestMethod()) || !exchange.getRequestURI().getPath().equals("/v1/chat/completions")) {
                send(exchange, 404, error("Unknown request URL: " + exchange.getRequestURI().getPath(), "invalid_request_error"));
                return;
            }
            RECEIVED.add(JSON.readTree(in));
            int now = status;
            send(exchange, now, now == 200 ? completion(content) : error("The server had an error while processing your request.", "server_error"));
        }
    }

    private static void send(HttpExchange exchange, int code, String body) throws IOException {
        byte[] out = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(code, out.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(out);
        }
    }

    private static String completion(String messageContent) {
        ObjectNode root = JSON.createObjectNode().put("id", "chatcmpl-9x1").put("object", "chat.completion").put("created", 1733212800)
                .put("model", MODEL).put("system_fingerprint", "fp_44709d6fcb");
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", messageContent).putNull("refusal");
        choice.putNull("logprobs");
        root.putObject("usage").put("prompt_tokens", 1200).put("completion_tokens", 90).put("total_tokens", 1290);
        return root.toString();
    }

    private static String error(String message, String type) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("error").put("message", message).put("type", type).putNull("param").putNull("code");
        return root.toString();
    }
}
