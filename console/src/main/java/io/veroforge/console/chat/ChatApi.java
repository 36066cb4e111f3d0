package io.veroforge.console.chat;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.identity.SecurityIdentity;
import io.veroforge.console.access.ConsoleUser;
import io.veroforge.console.apps.AppDirectory;

/** The chat's state as JSON: the page asks until the operator has read the newest words, then shows the preview. */
@Path("/api/tenants/{tenant}/chat/{app}")
@Produces(MediaType.APPLICATION_JSON)
public class ChatApi {
    @Inject
    SecurityIdentity identity;
    @Inject
    AppDirectory directory;

    public record ChatState(String state, String message, int entities) {
    }

    @GET
    public Response state(@PathParam("tenant") String tenant, @PathParam("app") String app) {
        return directory.app(ConsoleUser.of(identity), tenant, app).map(DraftPreview::of)
                .map(p -> Response.ok(new ChatState(p.state().name(), p.message(), p.entities().size())).build())
                .orElseGet(() -> Response.status(404).build());
    }
}
