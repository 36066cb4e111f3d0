package io.veroforge.console.proposals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.veroforge.console.proposals.ProposalJson.DecisionBody;
import io.veroforge.console.proposals.ProposalJson.Pattern;
import io.veroforge.console.proposals.ProposalJson.Problem;
import io.veroforge.console.proposals.ProposalJson.Proposal;
import io.veroforge.console.proposals.ProposalJson.WithDecisions;

/**
 * The intelligence engine's review API as the console calls it: {@code GET /api/v1/proposals[?state=]},
 * {@code GET /api/v1/proposals/{id}}, {@code POST /api/v1/proposals/{id}/approve|reject {"reason": …}} with the
 * console's bearer token, and {@code GET /api/v1/patterns} for a proposal's evidence. Every call ends in an
 * {@link EngineAnswer}; none throws, so no page shows a stack trace for an engine that is away.
 */
@ApplicationScoped
public class IntelligenceClient {
    private static final String URL_SETTING = "veroforge.console.intelligence.url";
    private static final String TOKEN_SETTING = "veroforge.console.intelligence.token";

    private final IntelligenceSettings settings;
    private final ObjectMapper json;
    private final HttpClient http;

    @Inject
    public IntelligenceClient(IntelligenceSettings settings, ObjectMapper json) {
        this.settings = settings;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    public EngineAnswer<List<Proposal>> proposals(String state) {
        return call("GET", "/api/v1/proposals" + (state == null || state.isBlank() ? "" : "?state=" + state), null,
                new TypeReference<List<Proposal>>() {
                });
    }

    public EngineAnswer<WithDecisions> proposal(long id) {
        return call("GET", "/api/v1/proposals/" + id, null, new TypeReference<WithDecisions>() {
        });
    }

    /** The pattern a proposal was drawn from; the engine lists patterns only as a whole. */
    public EngineAnswer<Optional<Pattern>> pattern(long patternId) {
        return this.<List<Pattern>>call("GET", "/api/v1/patterns", null, new TypeReference<List<Pattern>>() {
        }).map(patterns -> patterns.stream().filter(p -> p.id() != null && p.id() == patternId).findFirst());
    }

    /** {@code verb}: approve or reject. */
    public EngineAnswer<Proposal> decide(long id, String verb, String reason) {
        return call("POST", "/api/v1/proposals/" + id + "/" + verb, new DecisionBody(reason), new TypeReference<Proposal>() {
        });
    }

    private <T> EngineAnswer<T> call(String method, String path, Object body, TypeReference<T> type) {
        if (settings.url().isEmpty()) {
            return new EngineAnswer.NotConfigured<>("the intelligence engine is not configured: set " + URL_SETTING
                    + " (e.g. http://veroforge-intelligence:8081) and " + TOKEN_SETTING + " (the console's reviewer token)");
        }
        if (settings.token().isEmpty() || settings.token().get().isBlank()) {
            return new EngineAnswer.NotConfigured<>("the intelligence engine needs a reviewer token: set " + TOKEN_SETTING
                    + " to the console's entry of veroforge.intelligence.reviewers on the engine");
        }
        URI base = settings.url().get();
        URI target = URI.create(base.toString().replaceAll("/+$", "") + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(settings.timeout())
                .header("Authorization", "Bearer " + settings.token().get().trim()).header("Accept", "application/json");
        HttpResponse<String> response;
        try {
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException slow) {
            return new EngineAnswer.Unreachable<>("the intelligence engine at " + base + " did not answer within "
                    + settings.timeout().toSeconds() + " s; try again, or check that it runs");
        } catch (IOException down) {
            return new EngineAnswer.Unreachable<>("the intelligence engine at " + base + " cannot be reached ("
                    + why(down) + "); check " + URL_SETTING + " and that the engine runs");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new EngineAnswer.Unreachable<>("the call to the intelligence engine was interrupted");
        }
        if (response.statusCode() / 100 != 2) {
            return new EngineAnswer.Refused<>(response.statusCode(), refusal(response));
        }
        try {
            return new EngineAnswer.Answered<>(json.readValue(response.body(), type));
        } catch (JsonProcessingException unreadable) {
            return new EngineAnswer.Unreachable<>("the intelligence engine at " + base + " answered " + path
                    + " with something that is not its JSON (" + unreadable.getOriginalMessage() + "); is " + URL_SETTING
                    + " the engine's address?");
        }
    }

    /** In words, not a class name: the JDK's connection failures often carry no message. */
    private static String why(IOException down) {
        if (down instanceof java.net.ConnectException) {
            return "connection refused";
        }
        if (down.getCause() instanceof java.nio.channels.UnresolvedAddressException || down instanceof java.net.UnknownHostException) {
            return "unknown host";
        }
        return down.getMessage() == null ? "no connection" : down.getMessage();
    }

    private String refusal(HttpResponse<String> response) {
        String said;
        try {
            Problem problem = json.readValue(response.body(), Problem.class);
            said = problem.problem() == null ? response.body() : problem.problem();
        } catch (JsonProcessingException notJson) {
            said = response.body();
        }
        said = said == null || said.isBlank() ? "no reason given" : said.strip();
        if (said.length() > 500) {
            said = said.substring(0, 500) + "…";
        }
        return switch (response.statusCode()) {
            case 401, 403 -> "the intelligence engine refused the console's token (" + TOKEN_SETTING + "): " + said;
            default -> "the intelligence engine answered " + response.statusCode() + ": " + said;
        };
    }
}
