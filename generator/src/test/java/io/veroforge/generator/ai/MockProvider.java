package io.veroforge.generator.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local HTTP server speaking the providers' real wire protocols (OpenAI {@code /v1/chat/completions},
 * Anthropic {@code /v1/messages}, Ollama {@code /api/chat}): it answers from a script of replies
 * shaped like recorded provider responses, including faults, and keeps every request it received.
 */
final class MockProvider implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    record Reply(int status, Map<String, String> headers, String body, Duration delay) {
        static Reply json(String body) {
            return new Reply(200, Map.of(), body, Duration.ZERO);
        }

        static Reply status(int status, String body) {
            return new Reply(status, Map.of(), body, Duration.ZERO);
        }

        Reply after(Duration d) {
            return new Reply(status, headers, body, d);
        }

        Reply header(String name, String value) {
            Map<String, String> h = new java.util.HashMap<>(headers);
            h.put(name, value);
            return new Reply(status, Map.copyOf(h), body, delay);
        }
    }

    record Received(String path, Map<String, List<String>> headers, JsonNode body, long atNanos) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().get(0)).orElse(null);
        }

        /** All message texts of the request, whatever the protocol nests them in. */
        String allText() {
            StringBuilder out = new StringBuilder();
            if (body.has("system")) {
                out.append(body.get("system").isTextual() ? body.get("system").asText() : body.get("system").toString()).append('\n');
            }
            for (JsonNode m : body.path("messages")) {
                JsonNode c = m.path("content");
                out.append(c.isTextual() ? c.asText() : c.toString()).append('\n');
            }
            return out.toString();
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Deque<Reply> script = new ArrayDeque<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private Reply fallback = Reply.status(500, "{\"error\":{\"message\":\"no reply scripted\"}}");

    MockProvider() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    synchronized MockProvider then(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    /** What every request gets once the script is used up. */
    synchronized MockProvider always(Reply reply) {
        fallback = reply;
        return this;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        long at = System.nanoTime();
        byte[] in = exchange.getRequestBody().readAllBytes();
        JsonNode body = in.length == 0 ? JSON.createObjectNode() : JSON.readTree(in);
        received.add(new Received(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()), body, at));
        Reply reply;
        synchronized (this) {
            reply = script.isEmpty() ? fallback : script.poll();
        }
        try {
            if (!reply.delay().isZero()) {
                Thread.sleep(reply.delay().toMillis());
            }
            byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            exchange.sendResponseHeaders(reply.status(), out.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientGone) {
            // the client timed out and closed the connection: nothing to answer
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // recorded-shaped answers of each protocol

    static String openAi(String model, String content, int in, int out) {
        ObjectNode root = JSON.createObjectNode().put("id", "chatcmpl-9x1").put("object", "chat.completion").put("created", 1733212800)
                .put("model", model).put("system_fingerprint", "fp_44709d6fcb");
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content).putNull("refusal");
        choice.putNull("logprobs");
        root.putObject("usage").put("prompt_tokens", in).put("completion_tokens", out).put("total_tokens", in + out);
        return root.toString();
    }

    static String anthropic(String model, String text, int in, int out) {
        ObjectNode root = JSON.createObjectNode().put("id", "msg_01XFDUDYJgAACzvnptvVoYEL").put("type", "message").put("role", "assistant")
                .put("model", model).put("stop_reason", "end_turn").putNull("stop_sequence");
        ArrayNode content = root.putArray("content");
        content.addObject().put("type", "text").put("text", text);
        root.putObject("usage").put("input_tokens", in).put("output_tokens", out);
        return root.toString();
    }

    static String ollama(String model, String content, int in, int out) {
        ObjectNode root = JSON.createObjectNode().put("model", model).put("created_at", "2026-12-03T06:00:00.000000Z");
        root.putObject("message").put("role", "assistant").put("content", content);
        root.put("done", true).put("done_reason", "stop").put("total_duration", 4883583458L).put("load_duration", 1334875L)
                .put("prompt_eval_count", in).put("prompt_eval_duration", 342546000L).put("eval_count", out).put("eval_duration", 4535599000L);
        return root.toString();
    }

    static String openAiError(String message, String type) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("error").put("message", message).put("type", type).putNull("param").putNull("code");
        return root.toString();
    }
}
