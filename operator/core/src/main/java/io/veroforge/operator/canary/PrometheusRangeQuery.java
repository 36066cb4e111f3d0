package io.veroforge.operator.canary;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Prometheus HTTP API range queries ({@code /api/v1/query_range}). Every failure (connection
 * refused, timeout, HTTP error, {@code status: error}, an unparseable body) is an
 * {@link MetricsResult.Unavailable} with the cause, never an exception and never an empty result,
 * so the gate cannot mistake an outage for "no traffic".
 */
public final class PrometheusRangeQuery {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http;
    private final Duration timeout;

    public PrometheusRangeQuery(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** Samples of {@code query} over [end - window, end] every {@code step}. */
    public MetricsResult query(String address, String query, Instant end, Duration window, Duration step) {
        String base = address.endsWith("/") ? address.substring(0, address.length() - 1) : address;
        String url = base + "/api/v1/query_range?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                + "&start=" + seconds(end.minus(window)) + "&end=" + seconds(end) + "&step=" + Math.max(1, step.toMillis()) / 1000.0;
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return new MetricsResult.Unavailable("Prometheus at " + base + " is unreachable: " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new MetricsResult.Unavailable("interrupted while querying Prometheus at " + base);
        } catch (IllegalArgumentException e) {
            return new MetricsResult.Unavailable("metrics provider address " + address + " is not a URL: " + e.getMessage());
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (IOException e) {
            return new MetricsResult.Unavailable("Prometheus at " + base + " answered HTTP " + response.statusCode() + " with no JSON body");
        }
        if (response.statusCode() != 200 || !"success".equals(body.path("status").asText())) {
            return new MetricsResult.Unavailable("Prometheus at " + base + " refused the query (HTTP " + response.statusCode() + ", "
                    + body.path("errorType").asText("error") + ": " + body.path("error").asText("no message") + ")");
        }
        JsonNode result = body.path("data").path("result");
        if (!result.isArray() || result.isEmpty()) {
            return new MetricsResult.Samples(new double[0]);
        }
        List<Double> values = new ArrayList<>();
        for (JsonNode point : result.get(0).path("values")) {
            values.add(parse(point.get(1).asText()));
        }
        return new MetricsResult.Samples(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Prometheus writes NaN, +Inf and -Inf as strings; the gate drops them as absence of data. */
    private static double parse(String value) {
        return switch (value) {
            case "NaN" -> Double.NaN;
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(value);
        };
    }

    private static String seconds(Instant instant) {
        return String.valueOf(instant.toEpochMilli() / 1000.0);
    }

    private static String describe(IOException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return e.getClass().getSimpleName() + (message.isEmpty() ? "" : " (" + message + ")");
    }
}
