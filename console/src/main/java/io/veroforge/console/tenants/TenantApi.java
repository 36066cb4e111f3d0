package io.veroforge.console.tenants;

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

/** The same Tenants as the pages, as JSON, under the same ownership rule. */
@Path("/api/tenants")
@Produces(MediaType.APPLICATION_JSON)
public class TenantApi {
    @Inject
    SecurityIdentity identity;
    @Inject
    TenantDirectory directory;

    @GET
    public List<TenantSummary> list() {
        return directory.visibleTo(ConsoleUser.of(identity)).stream().map(TenantSummary::of).toList();
    }

    @GET
    @Path("/{name}")
    public Response tenant(@PathParam("name") String name) {
        return directory.find(ConsoleUser.of(identity), name).map(t -> Response.ok(TenantSummary.of(t)))
                .orElseGet(() -> Response.status(404).entity(new NotFound("no Tenant " + name + " that you own")))
                .build();
    }

    public record NotFound(String error) {
    }
}
