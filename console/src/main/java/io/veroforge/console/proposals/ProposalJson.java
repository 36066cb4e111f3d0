package io.veroforge.console.proposals;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The intelligence engine's JSON, restated: {@code Proposal}, {@code ProposalDecision}, {@code ProposalResource.ProposalView}
 * and {@code Pattern} of {@code io.veroforge.intelligence} as Jackson writes their public fields (times as RFC 3339
 * text). The console reads only what it shows; fields the engine adds later are ignored rather than refused.
 */
public final class ProposalJson {
    private ProposalJson() {
    }

    /** {@code change} is JSON text (what the improvements overlay would change), {@code riskReasons} a JSON array as text. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Proposal(Long id, Long patternId, String kind, String summary, String change, String risk,
            String riskReasons, String checks, String checksDetail, String state, String createdAt, String publishedAt) {
    }

    /** {@code actor}: a reviewer's name, or {@code governance} for an automatic approval. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Decision(Long id, Long proposalId, String decision, String actor, String reason, String decidedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WithDecisions(Proposal proposal, List<Decision> decisions) {
    }

    /** The evidence behind a proposal: how many tenants and events showed the pattern (counts only). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Pattern(Long id, String kind, String description, int evidenceTenants, long evidenceEvents,
            int tenantsObserved, double confidence, String firstSeen, String lastSeen) {
    }

    /** The body of a decision. */
    public record DecisionBody(String reason) {
    }

    /** How the engine words a refusal: {@code {"problem": "reason: a rejection needs a reason…"}}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Problem(String problem) {
    }
}
