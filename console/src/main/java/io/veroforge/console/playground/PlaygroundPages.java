package io.veroforge.console.playground;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.fabric8.kubernetes.api.model.Condition;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.veroforge.api.v1alpha1.AppSpec;
import io.veroforge.api.v1alpha1.Generation;
import io.veroforge.api.v1alpha1.Tenant;
import io.veroforge.console.apps.ModelDiagram;
import io.vertx.core.http.HttpServerRequest;

/**
 * The public playground (no sign-in): the idea form, the demo it starts, and the demo's page — its Tenant, its app,
 * the newest Generation's stage and the resolved model as the ER diagram. Every refusal says what to do: too many
 * demos from one address (429 with Retry-After), the playground full (503), a description empty or too long (422).
 */
@Path("/playground")
@Produces(MediaType.TEXT_HTML)
public class PlaygroundPages {
    @Inject
    PlaygroundSettings settings;
    @Inject
    ClientRateLimit rateLimit;
    @Inject
    DemoTenants demos;
    @Inject
    @Location("playground.html")
    Template form;
    @Inject
    @Location("playground-demo.html")
    Template demoPage;

    @GET
    public Response start() {
        if (!settings.enabled()) {
            return disabled();
        }
        return Response.ok(form.data("problem", "").data("description", "").data("settings", settings).render()).build();
    }

    @POST
    public Response create(@FormParam("description") String description, @Context HttpServerRequest request) {
        if (!settings.enabled()) {
            return disabled();
        }
        String text = description == null ? "" : description.strip();
        if (text.isEmpty()) {
            return refuse(422, text, "description: describe your idea in a sentence or two (who it serves, what it keeps track of)");
        }
        if (text.length() > settings.maxDescription()) {
            return refuse(422, text.substring(0, settings.maxDescription()), "description: " + text.length()
                    + " characters; the playground takes at most " + settings.maxDescription() + " — shorten it");
        }
        if (text.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            return refuse(422, "", "description: contains control characters; write plain text");
        }
        String client = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        if (!rateLimit.tryAcquire(client)) {
            return Response.status(429).header("Retry-After", rateLimit.window().toSeconds())
                    .entity(form.data("problem", "Too many demos from your address: " + rateLimit.allowed() + " per "
                            + human(rateLimit.window()) + ". Try again later.").data("description", text).data("settings", settings).render())
                    .build();
        }
        Tenant demo;
        try {
            demo = demos.create(text);
        } catch (DemoTenants.Full full) {
            return Response.status(503).header("Retry-After", 600).entity(form.data("problem", "The playground is full: "
                    + full.alive() + " of " + settings.maxDemoTenants() + " demo tenants are running. Each expires "
                    + settings.ttl() + " after it was made; try again later.").data("description", text).data("settings", settings).render())
                    .build();
        }
        return Response.seeOther(URI.create("/playground/" + demo.getMetadata().getName())).build();
    }

    @GET
    @Path("/{demo}")
    public Response demo(@PathParam("demo") String name) {
        if (!settings.enabled()) {
            return disabled();
        }
        Optional<Tenant> demo = demos.find(name);
        if (demo.isEmpty()) {
            return Response.status(404).entity(form.data("problem", "There is no demo " + name
                    + " (demos expire " + settings.ttl() + " after they were made). Start a new one below.")
                    .data("description", "").data("settings", settings).render()).build();
        }
        Optional<AppSpec> app = demos.app(demo.get());
        Generation newest = app.map(demos::newestGeneration).orElse(null);
        String created = demo.get().getMetadata().getCreationTimestamp();
        return Response.ok(demoPage.data("demo", name).data("tenant", state(demo.get().getStatus() == null ? null
                : demo.get().getStatus().condition("Ready").orElse(null)))
                .data("expires", created == null ? settings.ttl() + " after it was made" : "at " + expiry(created))
                .data("app", app.map(a -> state(a.getStatus() == null ? null : a.getStatus().condition("Ready").orElse(null))).orElse(null))
                .data("generation", generationLine(newest))
                .data("url", newest == null || newest.getStatus() == null || newest.getStatus().getDeployment() == null
                        || newest.getStatus().getDeployment().getUrl() == null ? "" : newest.getStatus().getDeployment().getUrl())
                .data("diagram", ModelDiagram.of(newest)).render()).build();
    }

    /** "idea-1: Running, stage Synthesize", or "none yet". */
    private static String generationLine(Generation newest) {
        if (newest == null) {
            return "none yet";
        }
        var status = newest.getStatus();
        return newest.getMetadata().getName() + ": " + (status == null || status.getPhase() == null ? "not started" : status.getPhase())
                + (status != null && status.getStage() != null ? ", stage " + status.getStage() : "");
    }

    private String expiry(String created) {
        try {
            return Instant.parse(created).plus(java.time.Duration.parse("PT" + settings.ttl().toUpperCase())).toString();
        } catch (RuntimeException unparsable) {
            return created + " + " + settings.ttl();
        }
    }

    /** A condition in words: "Ready", or "not ready: Reason: message", or "waiting for the operator". */
    private static String state(Condition ready) {
        if (ready == null) {
            return "waiting for the operator";
        }
        return "True".equals(ready.getStatus()) ? "Ready (" + ready.getReason() + ")"
                : "not ready: " + ready.getReason() + ": " + ready.getMessage();
    }

    private Response refuse(int status, String description, String problem) {
        return Response.status(status).entity(form.data("problem", problem).data("description", description)
                .data("settings", settings).render()).build();
    }

    private static String human(java.time.Duration window) {
        return window.toMinutes() % 60 == 0 ? window.toHours() + " h" : window.toMinutes() + " min";
    }

    private static Response disabled() {
        return Response.status(404).type(MediaType.TEXT_PLAIN)
                .entity("The playground is not enabled on this console (veroforge.console.playground.enabled).").build();
    }
}
