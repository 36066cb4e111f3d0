package io.veroforge.console.apps;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.identity.SecurityIdentity;
import io.veroforge.console.access.ConsoleUser;
import io.veroforge.console.writes.FieldProblem;

/** The same apps and Generations as the pages, as JSON, under the same ownership rule. */
@Path("/api/tenants/{tenant}/apps")
@Produces(MediaType.APPLICATION_JSON)
public class AppApi {
    @Inject
    SecurityIdentity identity;
    @Inject
    AppDirectory directory;

    @GET
    public Response apps(@PathParam("tenant") String tenant) {
        return directory.apps(ConsoleUser.of(identity), tenant)
                .map(apps -> Response.ok(apps.stream().map(a -> AppSummary.of(tenant, a)).toList()))
                .orElseGet(() -> notFound("no Tenant " + tenant + " that you own")).build();
    }

    @GET
    @Path("/{app}")
    public Response app(@PathParam("tenant") String tenant, @PathParam("app") String name) {
        ConsoleUser user = ConsoleUser.of(identity);
        return directory.app(user, tenant, name)
                .map(a -> Response.ok(new AppDetail(AppSummary.of(tenant, a), AppSpecProblems.of(a).problems(),
                        AppSpecProblems.of(a).warnings(),
                        directory.generations(user, a).stream().map(g -> g.getMetadata().getName()).toList())))
                .orElseGet(() -> notFound("no app " + name + " in a Tenant " + tenant + " that you own")).build();
    }

    @GET
    @Path("/{app}/generations/{generation}")
    public Response generation(@PathParam("tenant") String tenant, @PathParam("app") String app,
            @PathParam("generation") String name) {
        return directory.generation(ConsoleUser.of(identity), tenant, app, name)
                .map(g -> Response.ok(GenerationView.of(tenant, app, g)))
                .orElseGet(() -> notFound("no Generation " + name + " of app " + app + " in a Tenant " + tenant
                        + " that you own")).build();
    }

    private static Response.ResponseBuilder notFound(String why) {
        return Response.status(404).entity(new NotFound(why));
    }

    public record AppDetail(AppSummary app, List<FieldProblem> problems, List<FieldProblem> warnings,
            List<String> generations) {
    }

    public record NotFound(String error) {
    }
}
