package io.veroforge.intelligence.proposals;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.veroforge.intelligence.patterns.Pattern;

/**
 * Where patterns become proposals and proposals become improvements: one proposal per pattern,
 * classified, auto-approved only by {@link Governance}'s rule, otherwise waiting for a reviewer;
 * every decision kept with who, when and why; approved ones published on
 * {@code veroforge_improvements}.
 */
@ApplicationScoped
public class ProposalDesk {
    private static final Logger LOG = Logger.getLogger(ProposalDesk.class);
    private final MutinyEmitter<String> improvements;
    private final ObjectMapper json;
    private final ProposalChecks checks;
    private final Vertx vertx;

    public ProposalDesk(@Channel("improvements-out") MutinyEmitter<String> improvements, ObjectMapper json, ProposalChecks checks,
            Vertx vertx) {
        this.improvements = improvements;
        this.json = json;
        this.checks = checks;
        this.vertx = vertx;
    }

    /**
     * The proposal for a pattern, made the first time the pattern is seen: drafted, classified and
     * checked (the checks run the generator as a process, on a worker thread, outside any
     * transaction), then stored; a proposal another run stored meanwhile wins.
     */
    public Uni<Proposal> consider(Pattern pattern) {
        return Panache.withSession(() -> Proposal.<Proposal>find("patternId", pattern.id).firstResult())
                .flatMap(existing -> existing != null ? Uni.createFrom().item(existing) : draftAndCheck(pattern))
                .flatMap(p -> Proposal.State.approved.name().equals(p.state) && p.publishedAt == null ? publish(p) : Uni.createFrom().item(p));
    }

    private Uni<Proposal> draftAndCheck(Pattern pattern) {
        PatternFacts facts = new PatternFacts(pattern.kind, parts(pattern.details), pattern.evidenceTenants, pattern.evidenceEvents,
                pattern.confidence, pattern.description);
        Draft draft = TemplateAbstractor.propose(facts);
        return vertx.executeBlocking(Uni.createFrom().item(() -> checks.check(draft)))
                .flatMap(result -> Panache.withTransaction(() -> Proposal.<Proposal>find("patternId", pattern.id).firstResult()
                        .flatMap(existing -> existing != null ? Uni.createFrom().item(existing) : create(pattern, draft, result))));
    }

    public Uni<Proposal> approve(long id, String reviewer, String reason) {
        return Panache.withTransaction(() -> pending(id).flatMap(p -> decide(p, Proposal.State.approved, reviewer,
                reason == null || reason.isBlank() ? "approved" : reason)))
                .flatMap(this::publish);
    }

    public Uni<Proposal> reject(long id, String reviewer, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new BadRequestException("reason: a rejection needs a reason, e.g. {\"reason\": \"changes the login flow\"}");
        }
        return Panache.withTransaction(() -> pending(id).flatMap(p -> decide(p, Proposal.State.rejected, reviewer, reason)));
    }

    public Uni<List<ProposalDecision>> decisions(long id) {
        return Panache.withSession(() -> ProposalDecision.list("proposalId = ?1 order by id", id));
    }

    private Uni<Proposal> create(Pattern pattern, Draft draft, ProposalChecks.Result checked) {
        Risk risk = RiskClassifier.classify(draft);
        Proposal p = new Proposal();
        p.patternId = pattern.id;
        p.kind = draft.kind();
        p.summary = draft.summary();
        p.change = write(draft.change());
        p.risk = risk.level().name();
        p.riskReasons = write(risk.reasons());
        p.checks = checked.state();
        p.checksDetail = checked.detail();
        p.createdAt = now();
        boolean auto = Governance.autoApproved(risk, p.checks);
        p.state = (auto ? Proposal.State.approved : Proposal.State.pending_review).name();
        Uni<Proposal> persisted = p.<Proposal>persist();
        return auto ? persisted.flatMap(saved -> record(saved, "approved", "governance", "low risk with passing checks"))
                : persisted;
    }

    private Uni<Proposal> pending(long id) {
        return Proposal.<Proposal>findById(id).map(p -> {
            if (p == null) {
                throw new NotFoundException("no proposal " + id + "; GET /api/v1/proposals lists them");
            }
            if (!Proposal.State.pending_review.name().equals(p.state)) {
                throw new ClientErrorException("proposal " + id + " is already " + p.state + "; decisions are final", Response.Status.CONFLICT);
            }
            return p;
        });
    }

    private Uni<Proposal> decide(Proposal p, Proposal.State state, String actor, String reason) {
        p.state = state.name();
        return record(p, state.name(), actor, reason);
    }

    private Uni<Proposal> record(Proposal p, String decision, String actor, String reason) {
        ProposalDecision d = new ProposalDecision();
        d.proposalId = p.id;
        d.decision = decision;
        d.actor = actor;
        d.reason = reason;
        d.decidedAt = now();
        LOG.infof("proposal %d %s by %s: %s", p.id, decision, actor, reason);
        return d.persist().replaceWith(p);
    }

    private Uni<Proposal> publish(Proposal p) {
        return Panache.withSession(() -> Pattern.<Pattern>findById(p.patternId)
                .flatMap(pattern -> ProposalDecision.<ProposalDecision>list("proposalId = ?1 order by id", p.id)
                        .map(ds -> write(new ImprovementMessage(p.id, p.patternId, p.kind, p.summary, p.change, p.risk,
                                new ImprovementMessage.Evidence(pattern.evidenceTenants, pattern.evidenceEvents, pattern.confidence),
                                p.checks, ds.get(ds.size() - 1).actor, ds.get(ds.size() - 1).decidedAt.toString())))))
                .flatMap(improvements::send)
                .flatMap(sent -> Panache.withTransaction(() -> Proposal.<Proposal>findById(p.id).invoke(saved -> saved.publishedAt = now())));
    }

    private Map<String, String> parts(String details) {
        try {
            return json.readValue(details, json.getTypeFactory().constructMapType(Map.class, String.class, String.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("pattern details are not a JSON object: " + details, e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
