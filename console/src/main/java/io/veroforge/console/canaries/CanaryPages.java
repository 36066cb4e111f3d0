package io.veroforge.console.canaries;

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
import io.veroforge.api.v1alpha1.Canary;
import io.veroforge.console.access.ConsoleUser;
import io.veroforge.console.canaries.CanaryActions.Action;

/**
 * An app's Canaries and one Canary's page. Promote and abort take two posts: the first ({@code confirm} unset)
 * answers the page with the diff and the dry-run, the second ({@code confirm=yes}, with the resourceVersion that
 * was previewed) writes the annotations.
 */
@Path("/tenants/{tenant}/apps/{app}/canaries")
@Produces(MediaType.TEXT_HTML)
public class CanaryPages {
    @Inject
    SecurityIdentity identity;
    @Inject
    CanaryDirectory directory;
    @Inject
    CanaryActions actions;
    @Inject
    @Location("canaries.html")
    Template list;
    @Inject
    @Location("canary.html")
    Template page;
    @Inject
    @Location("not-found.html")
    Template notFound;

    @GET
    public Response list(@PathParam("tenant") String tenant, @PathParam("app") String app) {
        ConsoleUser user = ConsoleUser.of(identity);
        return directory.canaries(user, tenant, app)
                .map(found -> Response.ok(list.data("user", user).data("tenant", tenant).data("app", app)
                        .data("canaries", found.canaries().stream().map(c -> CanaryView.of(tenant, app, c)).toList()).render()))
                .orElseGet(() -> notFound(user, "app " + app + " of Tenant " + tenant)).build();
    }

    @GET
    @Path("/{canary}")
    public Response canary(@PathParam("tenant") String tenant, @PathParam("app") String app, @PathParam("canary") String name) {
        ConsoleUser user = ConsoleUser.of(identity);
        return directory.canary(user, tenant, app, name)
                .map(c -> Response.ok(render(user, tenant, app, c, null, null)))
                .orElseGet(() -> notFound(user, "Canary " + name + " of app " + app + " in Tenant " + tenant)).build();
    }

    @POST
    @Path("/{canary}/promote")
    public Response promote(@PathParam("tenant") String tenant, @PathParam("app") String app, @PathParam("canary") String name,
            @FormParam("confirm") String confirm, @FormParam("resourceVersion") String resourceVersion) {
        return act(tenant, app, name, Action.PROMOTE, confirm, resourceVersion);
    }

    @POST
    @Path("/{canary}/abort")
    public Response abort(@PathParam("tenant") String tenant, @PathParam("app") String app, @PathParam("canary") String name,
            @FormParam("confirm") String confirm, @FormParam("resourceVersion") String resourceVersion) {
        return act(tenant, app, name, Action.ABORT, confirm, resourceVersion);
    }

    private Response act(String tenant, String app, String name, Action action, String confirm, String resourceVersion) {
        ConsoleUser user = ConsoleUser.of(identity);
        var canary = directory.canary(user, tenant, app, name);
        if (canary.isEmpty()) {
            return notFound(user, "Canary " + name + " of app " + app + " in Tenant " + tenant).build();
        }
        CanaryView view = CanaryView.of(tenant, app, canary.get());
        if (!view.actionable()) {
            return Response.status(409).entity(render(user, tenant, app, canary.get(), null,
                    new CanaryActions.Refusal(409, "cannot " + action.annotation() + " " + name + ": " + view.notActionable()))).build();
        }
        if (!"yes".equals(confirm)) {
            var preview = actions.preview(user, canary.get(), action);
            return Response.status(preview.accepted() ? 200 : 422).entity(render(user, tenant, app, canary.get(), preview, null)).build();
        }
        var refusal = actions.apply(user, canary.get(), action, resourceVersion);
        if (refusal.isPresent()) {
            return Response.status(refusal.get().status()).entity(render(user, tenant, app, canary.get(), null, refusal.get())).build();
        }
        return Response.seeOther(URI.create("/tenants/" + tenant + "/apps/" + app + "/canaries/" + name)).build();
    }

    private String render(ConsoleUser user, String tenant, String app, Canary canary, CanaryActions.Preview preview,
            CanaryActions.Refusal refusal) {
        return page.data("user", user).data("c", CanaryView.of(tenant, app, canary)).data("preview", preview)
                .data("refusal", refusal).render();
    }

    private Response.ResponseBuilder notFound(ConsoleUser user, String what) {
        return Response.status(404).entity(notFound.data("user", user).data("what", what).render());
    }
}
