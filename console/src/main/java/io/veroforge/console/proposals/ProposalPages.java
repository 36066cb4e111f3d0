package io.veroforge.console.proposals;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.identity.SecurityIdentity;
import io.veroforge.console.access.ConsoleUser;
import io.veroforge.console.access.PlatformAdmins;
import io.veroforge.console.proposals.ProposalJson.Pattern;

/**
 * The improvement proposals: the list (all, or one state), one proposal, and approve or reject with a reason. Only
 * platform admins decide: anyone else is refused (403) before the engine is called. The engine records the console's
 * reviewer name; the reason it receives ends with who decided in the console, so its history names the person.
 */
@Path("/proposals")
@Produces(MediaType.TEXT_HTML)
public class ProposalPages {
    static final int MAX_REASON = 2000;
    private static final List<String> STATES = List.of("pending_review", "approved", "rejected");

    @Inject
    SecurityIdentity identity;
    @Inject
    IntelligenceClient engine;
    @Inject
    PlatformAdmins admins;
    @Inject
    @Location("proposals.html")
    Template list;
    @Inject
    @Location("proposal.html")
    Template page;

    @GET
    public Response list(@QueryParam("state") String state) {
        ConsoleUser user = ConsoleUser.of(identity);
        String asked = state == null || !STATES.contains(state) ? "" : state;
        var proposals = engine.proposals(asked);
        return Response.status(proposals.pageStatus()).entity(list.data("user", user).data("state", asked)
                .data("states", STATES).data("problem", proposals.problem())
                .data("proposals", proposals instanceof EngineAnswer.Answered<List<ProposalJson.Proposal>> a ? a.value().stream().map(ProposalView.Row::of).toList() : List.of())
                .data("admin", admins.isAdmin(user)).data("adminGroup", admins.group()).render()).build();
    }

    @GET
    @Path("/{id}")
    public Response proposal(@PathParam("id") long id) {
        return render(ConsoleUser.of(identity), id, null, "", 200);
    }

    @POST
    @Path("/{id}/approve")
    public Response approve(@PathParam("id") long id, @FormParam("reason") String reason) {
        return decide(id, "approve", reason);
    }

    @POST
    @Path("/{id}/reject")
    public Response reject(@PathParam("id") long id, @FormParam("reason") String reason) {
        return decide(id, "reject", reason);
    }

    private Response decide(long id, String verb, String reason) {
        ConsoleUser user = ConsoleUser.of(identity);
        String why = reason == null ? "" : reason.strip();
        if (!admins.isAdmin(user)) {
            return render(user, id, new Refusal("", "only platform admins (group " + admins.group() + ") decide on proposals; "
                    + "ask one of them, or your identity provider to add you to the group"), why, 403);
        }
        if ("reject".equals(verb) && why.isEmpty()) {
            return render(user, id, new Refusal("reason", "say why you reject proposal " + id
                    + " (the engine keeps it with the decision)"), why, 422);
        }
        if (why.length() > MAX_REASON) {
            return render(user, id, new Refusal("reason", "at most " + MAX_REASON + " characters; this one has " + why.length()), why, 422);
        }
        String recorded = (why.isEmpty() ? "approved" : why) + " (decided by " + user.name() + " in the console)";
        var decided = engine.decide(id, verb, recorded);
        if (!(decided instanceof EngineAnswer.Answered)) {
            return render(user, id, new Refusal("", decided.problem()), why, decided.pageStatus());
        }
        return Response.seeOther(URI.create("/proposals/" + id)).build();
    }

    /** Why a decision was not sent or not taken; {@code field} names the form field at fault, when one is. */
    public record Refusal(String field, String message) {
    }

    private Response render(ConsoleUser user, long id, Refusal refusal, String reason, int status) {
        var found = engine.proposal(id);
        ProposalView view = null;
        if (found instanceof EngineAnswer.Answered<ProposalJson.WithDecisions> a && a.value().proposal() != null) {
            var proposal = a.value().proposal();
            var pattern = proposal.patternId() == null ? new EngineAnswer.Answered<Optional<Pattern>>(Optional.empty())
                    : engine.pattern(proposal.patternId());
            Pattern evidence = pattern instanceof EngineAnswer.Answered<Optional<Pattern>> p ? p.value().orElse(null) : null;
            String evidenceProblem = evidence != null ? "" : pattern instanceof EngineAnswer.Answered
                    ? "the engine lists no pattern " + proposal.patternId() + " for this proposal" : pattern.problem();
            view = ProposalView.of(proposal, a.value().decisions(), evidence, evidenceProblem);
        }
        int shown = view == null ? found.pageStatus() : status;
        return Response.status(shown).entity(page.data("user", user).data("id", id).data("p", view)
                .data("problem", found.problem()).data("refusal", refusal).data("reason", reason)
                .data("admin", admins.isAdmin(user)).data("adminGroup", admins.group()).render()).build();
    }
}
