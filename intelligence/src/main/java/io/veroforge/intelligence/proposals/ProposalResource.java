package io.veroforge.intelligence.proposals;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * The reviewers' API (the console's proposal page calls it): list and read proposals with their
 * decisions, approve or reject the ones waiting. Reading is open to reviewers only, like deciding.
 */
@Path("/api/v1/proposals")
@Produces(MediaType.APPLICATION_JSON)
public class ProposalResource {
    private final ProposalDesk desk;
    private final Reviewers reviewers;

    public ProposalResource(ProposalDesk desk, Reviewers reviewers) {
        this.desk = desk;
        this.reviewers = reviewers;
    }

    @GET
    @WithSession
    public Uni<List<Proposal>> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @QueryParam("state") String state) {
        reviewers.identify(authorization);
        return state == null ? Proposal.listAll() : Proposal.list("state", state);
    }

    @GET
    @Path("{id}")
    @WithSession
    public Uni<ProposalView> one(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") long id) {
        reviewers.identify(authorization);
        return Proposal.<Proposal>findById(id).flatMap(p -> {
            if (p == null) {
                throw new NotFoundException("no proposal " + id);
            }
            return ProposalDecision.<ProposalDecision>list("proposalId = ?1 order by id", id).map(ds -> new ProposalView(p, ds));
        });
    }

    @POST
    @Path("{id}/approve")
    public Uni<Proposal> approve(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") long id, Decision body) {
        String reviewer = reviewers.identify(authorization);
        return desk.approve(id, reviewer, body == null ? null : body.reason());
    }

    @POST
    @Path("{id}/reject")
    public Uni<Proposal> reject(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") long id, Decision body) {
        String reviewer = reviewers.identify(authorization);
        return desk.reject(id, reviewer, body == null ? null : body.reason());
    }

    /** A reviewer's decision body. */
    public record Decision(String reason) {
    }

    /** A proposal with its decisions. */
    public record ProposalView(Proposal proposal, List<ProposalDecision> decisions) {
    }
}
