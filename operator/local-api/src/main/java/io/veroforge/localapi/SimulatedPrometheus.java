package io.veroforge.localapi;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The local platform's metrics provider. {@code --local} runs no app processes (Deployments roll out by
 * simulation), so there is nothing for a real Prometheus to scrape; this answers the Prometheus HTTP API's
 * {@code /api/v1/query_range} in its real response format with series made up for the revision the
 * query selects ({@code revision="…"}): a healthy API's error rate, latency, request rate and CPU, with
 * noise that depends only on revision, query and time (the same question gets the same answer). A revision
 * marked bad ({@code PUT /simulate/revisions/<revision>} with body {@code bad}; {@code good} undoes it) fails
 * 8% of its requests and is three times slower, so a canary can be watched rolling back. Every answer says
 * it is simulated in a {@code warnings} entry, as Prometheus reports warnings.
 */
public final class SimulatedPrometheus implements AutoCloseable {
    private static final Pattern REVISION = Pattern.compile("revision=\"([^\"]+)\"");
    private static final String WARNING = "simulated by the --local platform: no app processes run, these are not measured metrics";

    private final HttpServer server;
    private final Set<String> bad = ConcurrentHashMap.newKeySet();

    private SimulatedPrometheus(HttpServer server) {
        this.server = server;
    }

    /** Listens on the loopback interface; {@code port} 0 picks a free one. */
    public static SimulatedPrometheus start(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            SimulatedPrometheus prometheus = new SimulatedPrometheus(server);
            server.createContext("/api/v1/query_range", prometheus::queryRange);
            server.createContext("/simulate/revisions/", prometheus::mark);
            server.start();
            return prometheus;
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on 127.0.0.1:" + port + " for the simulated metrics provider: " + e.getMessage(), e);
        }
    }

    public String address() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Makes {@code revision} fail requests and answer slowly from now on ({@code false}: healthy again). */
    public void markBad(String revision, boolean isBad) {
        if (isBad) {
            bad.add(revision);
        } else {
            bad.remove(revision);
        }
    }

    private void mark(HttpExchange exchange) throws IOException {
        String revision = exchange.getRequestURI().getPath().substring("/simulate/revisions/".length());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).strip().toLowerCase(Locale.ROOT);
        if (!"PUT".equals(exchange.getRequestMethod()) || revision.isBlank() || !(body.equals("bad") || body.equals("good"))) {
            respond(exchange, 400, "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"PUT /simulate/revisions/<revision> with body bad or good\"}");
            return;
        }
        markBad(revision, body.equals("bad"));
        respond(exchange, 200, "{\"status\":\"success\",\"revision\":\"" + revision + "\",\"simulated\":\"" + body + "\"}");
    }

    private void queryRange(HttpExchange exchange) throws IOException {
        Map<String, String> params = params(exchange.getRequestURI());
        String query = params.get("query");
        double start;
        double end;
        double step;
        try {
            start = Double.parseDouble(params.get("start"));
            end = Double.parseDouble(params.get("end"));
            step = Double.parseDouble(params.get("step"));
        } catch (NumberFormatException | NullPointerException e) {
            respond(exchange, 400, "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"start, end and step must be numbers\"}");
            return;
        }
        if (query == null || query.isBlank() || step <= 0 || end < start || (end - start) / step > 11_000) {
            respond(exchange, 400, "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"query, start <= end and a step giving at most 11000 points are required\"}");
            return;
        }
        Matcher m = REVISION.matcher(query);
        if (!m.find()) {
            respond(exchange, 200, "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]},\"warnings\":[\"" + WARNING + "\"]}");
            return;
        }
        String revision = m.group(1);
        Kind kind = Kind.of(query);
        StringBuilder values = new StringBuilder();
        for (double t = start; t <= end; t += step) {
            if (values.length() > 0) {
                values.append(',');
            }
            values.append('[').append(t).append(",\"").append(kind.value(revision, query, t, bad.contains(revision))).append("\"]");
        }
        respond(exchange, 200, "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{\"revision\":\""
                + revision + "\"},\"values\":[" + values + "]}]},\"warnings\":[\"" + WARNING + "\"]}");
    }

    /** What a query asks for, told from the metric names of the built-in KPIs (docs/canary.md); anything else is a rate. */
    private enum Kind {
        ERROR_RATE(0.002, 0.08), LATENCY_MS(120, 360), CPU(0.08, 0.2), RATE(20, 20);

        private final double healthy;
        private final double whenBad;

        Kind(double healthy, double whenBad) {
            this.healthy = healthy;
            this.whenBad = whenBad;
        }

        static Kind of(String query) {
            if (query.contains("code=~\"5..\"")) {
                return ERROR_RATE;
            }
            if (query.contains("histogram_quantile")) {
                return LATENCY_MS;
            }
            if (query.contains("process_cpu_seconds_total")) {
                return CPU;
            }
            return RATE;
        }

        String value(String revision, String query, double time, boolean isBad) {
            long seed = (revision + '\n' + query).hashCode() * 31L + (long) Math.floor(time);
            double noise = 1 + (new SplittableRandom(seed).nextDouble() - 0.5) * 0.2; // +-10%
            return Double.toString((isBad ? whenBad : healthy) * noise);
        }
    }

    private static Map<String, String> params(URI uri) {
        Map<String, String> params = new HashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
