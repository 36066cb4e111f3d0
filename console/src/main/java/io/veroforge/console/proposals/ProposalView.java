package io.veroforge.console.proposals;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.veroforge.console.proposals.ProposalJson.Decision;
import io.veroforge.console.proposals.ProposalJson.Pattern;
import io.veroforge.console.proposals.ProposalJson.Proposal;

/**
 * One proposal as its page shows it: the change pretty-printed, the risk with its reasons as a list, the checks and
 * their output, the state, who decided what, and the evidence (the pattern's counts) when the engine gave it. The
 * engine keeps {@code change} and {@code riskReasons} as JSON text; text that does not read as JSON is shown as is.
 */
public record ProposalView(long id, String kind, String summary, String change, String risk, List<String> riskReasons,
        String checks, String checksDetail, String state, boolean pending, String createdAt, String publishedAt,
        List<Decision> decisions, Evidence evidence, String evidenceProblem) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Evidence(String description, int tenants, long events, int tenantsObserved, String confidence,
            String firstSeen, String lastSeen) {
    }

    /** A proposal in the list. */
    public record Row(long id, String summary, String kind, String risk, String checks, String state, String createdAt) {
        public static Row of(Proposal p) {
            return new Row(p.id() == null ? 0 : p.id(), text(p.summary()), text(p.kind()), text(p.risk()), text(p.checks()),
                    spelled(p.state()), text(p.createdAt()));
        }
    }

    /** {@code pattern} null: the evidence could not be read, {@code evidenceProblem} says why. */
    public static ProposalView of(Proposal p, List<Decision> decisions, Pattern pattern, String evidenceProblem) {
        return new ProposalView(p.id() == null ? 0 : p.id(), text(p.kind()), text(p.summary()), pretty(p.change()),
                text(p.risk()), reasons(p.riskReasons()), text(p.checks()), text(p.checksDetail()), spelled(p.state()),
                "pending_review".equals(p.state()), text(p.createdAt()), text(p.publishedAt()),
                decisions == null ? List.of() : decisions, pattern == null ? null : evidence(pattern), evidenceProblem);
    }

    /** The engine's states in words: pending_review is "pending review". */
    public static String spelled(String state) {
        return state == null ? "" : state.replace('_', ' ');
    }

    private static Evidence evidence(Pattern p) {
        return new Evidence(text(p.description()), p.evidenceTenants(), p.evidenceEvents(), p.tenantsObserved(),
                Math.round(p.confidence() * 100) + "%", text(p.firstSeen()), text(p.lastSeen()));
    }

    private static String pretty(String change) {
        if (change == null || change.isBlank()) {
            return "";
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(change));
        } catch (JsonProcessingException notJson) {
            return change;
        }
    }

    private static List<String> reasons(String riskReasons) {
        if (riskReasons == null || riskReasons.isBlank()) {
            return List.of();
        }
        try {
            return JSON.readValue(riskReasons, new TypeReference<List<String>>() {
            });
        } catch (JsonProcessingException notJson) {
            return List.of(riskReasons);
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
