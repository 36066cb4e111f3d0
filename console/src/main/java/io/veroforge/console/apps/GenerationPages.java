package io.veroforge.console.apps;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.identity.SecurityIdentity;
import io.veroforge.api.v1alpha1.Generation;
import io.veroforge.console.access.ConsoleUser;
import io.veroforge.console.apps.GenerationDecisions.Decision;

/** One Generation: its timeline (live), findings, gaps and migration plan, and the approve/reject form. */
@Path("/tenants/{tenant}/apps/{app}/generations")
@Produces(MediaType.TEXT_HTML)
public class GenerationPages {
    @Inject
    SecurityIdentity identity;
    @Inject
    AppDirectory directory;
    @Inject
    GenerationDecisions decisions;
    @Inject
    @Location("generation.html")
    Template page;
    @Inject
    @Location("not-found.html")
    Template notFound;

    @GET
    @Path("/{generation}")
    public Response generation(@PathParam("tenant") String tenant, @PathParam("app") String app,
            @PathParam("generation") String name) {
        ConsoleUser user = ConsoleUser.of(identity);
        return directory.generation(user, tenant, app, name)
                .map(g -> Response.ok(render(user, tenant, app, g, null, "")))
                .orElseGet(() -> notFound(user, tenant, app, name)).build();
    }

    @POST
    @Path("/{generation}/approve")
    public Response approve(@PathParam("tenant") String tenant, @PathParam("app") String app,
            @PathParam("generation") String name, @FormParam("reason") String reason) {
        return decide(tenant, app, name, Decision.APPROVE, reason);
    }

    @POST
    @Path("/{generation}/reject")
    public Response reject(@PathParam("tenant") String tenant, @PathParam("app") String app,
            @PathParam("generation") String name, @FormParam("reason") String reason) {
        return decide(tenant, app, name, Decision.REJECT, reason);
    }

    private Response decide(String tenant, String app, String name, Decision decision, String reason) {
        ConsoleUser user = ConsoleUser.of(identity);
        var generation = directory.generation(user, tenant, app, name);
        if (generation.isEmpty()) {
            return notFound(user, tenant, app, name).build();
        }
        var refusal = decisions.decide(user, generation.get(), decision, reason);
        if (refusal.isPresent()) {
            return Response.status(refusal.get().status())
                    .entity(render(user, tenant, app, generation.get(), refusal.get(), reason == null ? "" : reason)).build();
        }
        return Response.seeOther(URI.create("/tenants/" + tenant + "/apps/" + app + "/generations/" + name)).build();
    }

    private String render(ConsoleUser user, String tenant, String app, Generation generation,
            GenerationDecisions.Refusal refusal, String reason) {
        return page.data("user", user).data("gen", GenerationView.of(tenant, app, generation))
                .data("canary", directory.hasCanary(user, generation, app))
                .data("refusal", refusal).data("reason", reason).render();
    }

    private Response.ResponseBuilder notFound(ConsoleUser user, String tenant, String app, String name) {
        return Response.status(404).entity(notFound.data("user", user)
                .data("what", "Generation " + name + " of app " + app + " in Tenant " + tenant).render());
    }
}
