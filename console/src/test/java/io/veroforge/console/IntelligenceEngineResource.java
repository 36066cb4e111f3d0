package io.veroforge.console;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real HTTP server answering the intelligence engine's review API the way {@code ProposalResource},
 * {@code ProposalDesk}, {@code Reviewers} and {@code ProblemResponses} of the intelligence module do: the JSON of the
 * {@code Proposal}, {@code ProposalDecision} and {@code Pattern} entities (their public fields, times as RFC 3339),
 * {@code {"proposal", "decisions"}} for one proposal, a bearer token per reviewer (401 without), 400 for a rejection
 * without a reason, 409 once decided, refusals as {@code {"problem": …}}. It keeps what it is told, so the tests see
 * the decision the console sent. (The engine itself needs PostgreSQL and Kafka, which the console's tests do not run.)
 */
public class IntelligenceEngineResource implements QuarkusTestResourceLifecycleManager {
    public static final String TOKEN = "console-reviewer-token";
    /** The reviewer name the engine keeps for {@link #TOKEN} (veroforge.intelligence.reviewers.console). */
    public static final String REVIEWER = "console";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.util.regex.Pattern ONE = java.util.regex.Pattern.compile("^/api/v1/proposals/(\\d+)(?:/(approve|reject))?$");
    private static final Map<Long, ObjectNode> PROPOSALS = new LinkedHashMap<>();
    private static final List<ObjectNode> DECISIONS = new CopyOnWriteArrayList<>();
    private static final List<ObjectNode> PATTERNS = new ArrayList<>();
    private static HttpServer server;

    @Override
    public Map<String, String> start() {
        seed();
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the test intelligence engine", e);
        }
        server.createContext("/api/v1/", IntelligenceEngineResource::answer);
        server.start();
        return Map.of("veroforge.console.intelligence.url", "http://127.0.0.1:" + server.getAddress().getPort(),
                "veroforge.console.intelligence.token", TOKEN);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** The decisions the engine holds for a proposal, oldest first. */
    public static synchronized List<JsonNode> decisions(long proposal) {
        return DECISIONS.stream().filter(d -> d.path("proposalId").asLong() == proposal).map(d -> (JsonNode) d).toList();
    }

    public static synchronized String state(long proposal) {
        return PROPOSALS.get(proposal).path("state").asText();
    }

    /** Proposal 41 (low risk, checks passed, approved by governance), 42 (high risk, waiting), 43 (checks failed, waiting). */
    private static synchronized void seed() {
        PROPOSALS.clear();
        DECISIONS.clear();
        PATTERNS.clear();
        PATTERNS.add(pattern(7, "customer_edit", "12 tenants added an optional field of type date to Appointment", 12, 57, 0.86));
        PATTERNS.add(pattern(8, "customer_edit", "10 tenants changed the template file api/src/auth/jwt.strategy.ts", 10, 31, 0.71));
        PATTERNS.add(pattern(9, "customer_edit", "10 tenants added an optional field of type text to Unicorn", 10, 22, 0.64));
        proposal(41, 7, "ontology_optional_field", "add an optional date field extraDate to Appointment",
                "{\"ontologyType\":\"Appointment\",\"addField\":{\"name\":\"extraDate\",\"type\":\"date\",\"optional\":true}}",
                "low", "[\"adds an optional field: existing data and APIs keep working\"]", "passed",
                "regenerated universal-sparse.yaml, salon.yaml with Appointment.extraDate: both type-check and pass their tests",
                "approved", "2026-12-03T09:00:00Z", "2026-12-03T09:00:02Z");
        decision(41, "approved", "governance", "low risk with passing checks", "2026-12-03T09:00:01Z");
        proposal(42, 8, "template_file_change", "change the template file api/src/auth/jwt.strategy.ts as 10 tenants did",
                "{\"file\":\"api/src/auth/jwt.strategy.ts\"}", "high",
                "[\"security-relevant file: api/src/auth/jwt.strategy.ts\",\"changes generated code every app runs\"]",
                "not_run", "only ontology_optional_field changes are regenerated; this one waits for a reviewer",
                "pending_review", "2026-12-03T09:30:00Z", null);
        proposal(43, 9, "ontology_optional_field", "add an optional text field extraText to Unicorn",
                "{\"ontologyType\":\"Unicorn\",\"addField\":{\"name\":\"extraText\",\"type\":\"text\",\"optional\":true}}",
                "low", "[\"adds an optional field: existing data and APIs keep working\"]", "failed",
                "generator exit 2: Unicorn is not an ontology type", "pending_review", "2026-12-03T10:00:00Z", null);
    }

    private static void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals("/api/v1/patterns") && method.equals("GET")) {
                synchronized (IntelligenceEngineResource.class) {
                    send(exchange, 200, JSON.valueToTree(PATTERNS));
                }
                return;
            }
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (!("Bearer " + TOKEN).equals(auth)) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer");
                problem(exchange, 401, "a reviewer's bearer token is required (veroforge.intelligence.reviewers.<name>)");
                return;
            }
            if (path.equals("/api/v1/proposals") && method.equals("GET")) {
                String query = exchange.getRequestURI().getQuery();
                String state = query != null && query.startsWith("state=") ? query.substring("state=".length()) : null;
                synchronized (IntelligenceEngineResource.class) {
                    ArrayNode list = JSON.createArrayNode();
                    PROPOSALS.values().stream().filter(p -> state == null || state.equals(p.path("state").asText())).forEach(list::add);
                    send(exchange, 200, list);
                }
                return;
            }
            Matcher one = ONE.matcher(path);
            if (!one.matches()) {
                problem(exchange, 404, "no such resource " + path);
                return;
            }
            long id = Long.parseLong(one.group(1));
            String verb = one.group(2);
            if (verb == null && method.equals("GET")) {
                read(exchange, id);
            } else if (verb != null && method.equals("POST")) {
                decide(exchange, id, verb, JSON.readTree(readAll(exchange.getRequestBody())).path("reason").asText(null));
            } else {
                problem(exchange, 405, method + " " + path);
            }
        }
    }

    private static synchronized void read(HttpExchange exchange, long id) throws IOException {
        ObjectNode proposal = PROPOSALS.get(id);
        if (proposal == null) {
            problem(exchange, 404, "no proposal " + id);
            return;
        }
        ObjectNode view = JSON.createObjectNode();
        view.set("proposal", proposal);
        view.set("decisions", JSON.valueToTree(decisions(id)));
        send(exchange, 200, view);
    }

    private static synchronized void decide(HttpExchange exchange, long id, String verb, String reason) throws IOException {
        ObjectNode proposal = PROPOSALS.get(id);
        if (verb.equals("reject") && (reason == null || reason.isBlank())) {
            problem(exchange, 400, "reason: a rejection needs a reason, e.g. {\"reason\": \"changes the login flow\"}");
            return;
        }
        if (proposal == null) {
            problem(exchange, 404, "no proposal " + id + "; GET /api/v1/proposals lists them");
            return;
        }
        if (!proposal.path("state").asText().equals("pending_review")) {
            problem(exchange, 409, "proposal " + id + " is already " + proposal.path("state").asText() + "; decisions are final");
            return;
        }
        String state = verb.equals("approve") ? "approved" : "rejected";
        proposal.put("state", state);
        decision(id, state, REVIEWER, reason == null || reason.isBlank() ? "approved" : reason, java.time.Instant.now().toString());
        send(exchange, 200, proposal);
    }

    private static void proposal(long id, long patternId, String kind, String summary, String change, String risk,
            String riskReasons, String checks, String checksDetail, String state, String createdAt, String publishedAt) {
        ObjectNode p = JSON.createObjectNode();
        p.put("id", id);
        p.put("patternId", patternId);
        p.put("kind", kind);
        p.put("summary", summary);
        p.put("change", change);
        p.put("risk", risk);
        p.put("riskReasons", riskReasons);
        p.put("checks", checks);
        p.put("checksDetail", checksDetail);
        p.put("state", state);
        p.put("createdAt", createdAt);
        p.put("publishedAt", publishedAt);
        PROPOSALS.put(id, p);
    }

    private static void decision(long proposal, String decision, String actor, String reason, String at) {
        ObjectNode d = JSON.createObjectNode();
        d.put("id", DECISIONS.size() + 1L);
        d.put("proposalId", proposal);
        d.put("decision", decision);
        d.put("actor", actor);
        d.put("reason", reason);
        d.put("decidedAt", at);
        DECISIONS.add(d);
    }

    private static ObjectNode pattern(long id, String kind, String description, int tenants, long events, double confidence) {
        ObjectNode p = JSON.createObjectNode();
        p.put("id", id);
        p.put("signature", kind + ":" + id);
        p.put("kind", kind);
        p.put("description", description);
        p.put("details", "{}");
        p.put("evidenceTenants", tenants);
        p.put("evidenceEvents", events);
        p.put("tenantsObserved", tenants + 30);
        p.put("confidence", confidence);
        p.put("firstSeen", "2026-11-20T08:00:00Z");
        p.put("lastSeen", "2026-12-02T18:00:00Z");
        p.put("detectedAt", "2026-12-03T08:59:00Z");
        p.putNull("publishedAt");
        return p;
    }

    private static void problem(HttpExchange exchange, int status, String message) throws IOException {
        send(exchange, status, JSON.createObjectNode().put("problem", message));
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static String readAll(InputStream in) throws IOException {
        String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        return body.isBlank() ? "{}" : body;
    }
}
