package io.veroforge.console.chat;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.veroforge.api.v1alpha1.AppSpec;
import io.veroforge.api.v1alpha1.FieldType;
import io.veroforge.console.access.ConsoleUser;
import io.veroforge.console.apps.AppDirectory;
import io.veroforge.console.apps.SimilarAppLinks;
import io.veroforge.console.writes.FieldProblem;

/**
 * The requirement chat's pages: start a draft app by describing the business, then the conversation — the
 * transcript, the model the operator previews for the newest words, a message or a field to refine it, and Create
 * (previewed: the spec's diff and the API server's dry-run). Apps are reached only through {@link AppDirectory}, so
 * another company's draft answers Not found, like everything else that is not the person's.
 */
@Path("/tenants/{tenant}/chat")
@Produces(MediaType.TEXT_HTML)
public class ChatPages {
    @Inject
    SecurityIdentity identity;
    @Inject
    AppDirectory directory;
    @Inject
    ChatWrites writes;
    @Inject
    @Location("chat-new.html")
    Template start;
    @Inject
    @Location("chat.html")
    Template conversation;
    @Inject
    @Location("chat-create.html")
    Template createPreview;
    @Inject
    @Location("not-found.html")
    Template notFound;

    /** The field types as the API spells them (string, money, …). */
    public static List<String> fieldTypes() {
        return Arrays.stream(FieldType.values()).map(ChatPages::spelled).toList();
    }

    static Optional<FieldType> fieldType(String value) {
        return Arrays.stream(FieldType.values()).filter(t -> value != null && spelled(t).equals(value.trim())).findFirst();
    }

    private static String spelled(FieldType type) {
        return Serialization.asJson(type).replace("\"", "");
    }

    @GET
    public Response startPage(@PathParam("tenant") String tenant) {
        ConsoleUser user = ConsoleUser.of(identity);
        if (directory.tenant(user, tenant).isEmpty()) {
            return notFound(user, "Tenant " + tenant);
        }
        return Response.ok(startForm(user, tenant, "", "", "", List.of()).render()).build();
    }

    @POST
    public Response startDraft(@PathParam("tenant") String tenant, @FormParam("name") String name,
            @FormParam("vertical") String vertical, @FormParam("message") String message) {
        ConsoleUser user = ConsoleUser.of(identity);
        var owned = directory.tenant(user, tenant);
        if (owned.isEmpty()) {
            return notFound(user, "Tenant " + tenant);
        }
        Optional<ChatWrites.Refusal> refused = writes.start(user, owned.get().namespaceName(), name, vertical, message);
        if (refused.isPresent()) {
            return Response.status(refused.get().status())
                    .entity(startForm(user, tenant, name, vertical, message, refused.get().problems()).render()).build();
        }
        return Response.seeOther(URI.create("/tenants/" + tenant + "/chat/" + name.trim())).build();
    }

    @GET
    @Path("/{app}")
    public Response chat(@PathParam("tenant") String tenant, @PathParam("app") String name) {
        ConsoleUser user = ConsoleUser.of(identity);
        return directory.app(user, tenant, name).map(app -> Response.ok(page(user, tenant, app, List.of()).render()).build())
                .orElseGet(() -> notFound(user, "app " + name + " of Tenant " + tenant));
    }

    @POST
    @Path("/{app}/messages")
    public Response say(@PathParam("tenant") String tenant, @PathParam("app") String name, @FormParam("message") String message,
            @FormParam("resourceVersion") String shownVersion) {
        ConsoleUser user = ConsoleUser.of(identity);
        Optional<AppSpec> app = directory.app(user, tenant, name);
        if (app.isEmpty()) {
            return notFound(user, "app " + name + " of Tenant " + tenant);
        }
        return answer(user, tenant, app.get(), writes.say(user, app.get(), message, shownVersion));
    }

    @POST
    @Path("/{app}/fields")
    public Response setField(@PathParam("tenant") String tenant, @PathParam("app") String name, @FormParam("entity") String entity,
            @FormParam("field") String field, @FormParam("type") String type, @FormParam("required") String required,
            @FormParam("resourceVersion") String shownVersion) {
        ConsoleUser user = ConsoleUser.of(identity);
        Optional<AppSpec> app = directory.app(user, tenant, name);
        if (app.isEmpty()) {
            return notFound(user, "app " + name + " of Tenant " + tenant);
        }
        return answer(user, tenant, app.get(), writes.setField(user, app.get(), entity, field, type, "on".equals(required), shownVersion));
    }

    /** First post: what Create changes and the dry-run; second ({@code confirm=yes}, the previewed version): Create. */
    @POST
    @Path("/{app}/create")
    public Response create(@PathParam("tenant") String tenant, @PathParam("app") String name, @FormParam("confirm") String confirm,
            @FormParam("resourceVersion") String shownVersion) {
        ConsoleUser user = ConsoleUser.of(identity);
        Optional<AppSpec> app = directory.app(user, tenant, name);
        if (app.isEmpty()) {
            return notFound(user, "app " + name + " of Tenant " + tenant);
        }
        if (!"yes".equals(confirm)) {
            if (!app.get().getSpec().drafted()) {
                return answer(user, tenant, app.get(), Optional.of(ChatWrites.Refusal.of(409, "spec.draft",
                        "app " + name + " is no longer a draft (it was created)")));
            }
            ChatWrites.CreatePreview preview = writes.previewCreate(user, app.get());
            return Response.status(preview.accepted() ? 200 : 422).entity(createPreview.data("user", user).data("tenant", tenant)
                    .data("app", name).data("preview", preview).data("model", DraftPreview.of(app.get())).render()).build();
        }
        Optional<ChatWrites.Refusal> refused = writes.create(user, app.get(), shownVersion);
        if (refused.isPresent()) {
            return answer(user, tenant, app.get(), refused);
        }
        return Response.seeOther(URI.create("/tenants/" + tenant + "/apps/" + name)).build();
    }

    /** Back to the conversation after a write (a GET, so a refresh does not send it again), or the refusal on it. */
    private Response answer(ConsoleUser user, String tenant, AppSpec app, Optional<ChatWrites.Refusal> refused) {
        String name = app.getMetadata().getName();
        if (refused.isEmpty()) {
            return Response.seeOther(URI.create("/tenants/" + tenant + "/chat/" + name)).build();
        }
        AppSpec current = directory.app(ConsoleUser.of(identity), tenant, name).orElse(app);
        return Response.status(refused.get().status()).entity(page(user, tenant, current, refused.get().problems()).render()).build();
    }

    private TemplateInstance page(ConsoleUser user, String tenant, AppSpec app, List<FieldProblem> problems) {
        DraftPreview preview = DraftPreview.of(app);
        String name = app.getMetadata().getName();
        return conversation.data("user", user).data("tenant", tenant).data("app", name)
                .data("turns", Transcript.of(app).turns()).data("preview", preview)
                .data("diagram", preview.previewed() ? preview.diagram(name) : null)
                .data("similar", SimilarAppLinks.of(tenant, app))
                .data("draft", app.getSpec() != null && app.getSpec().drafted())
                .data("requirements", app.getSpec() == null || app.getSpec().getRequirements() == null ? "" : app.getSpec().getRequirements())
                .data("resourceVersion", app.getMetadata().getResourceVersion())
                .data("problems", problems).data("fieldTypes", fieldTypes());
    }

    private TemplateInstance startForm(ConsoleUser user, String tenant, String name, String vertical, String message,
            List<FieldProblem> problems) {
        return start.data("user", user).data("tenant", tenant).data("name", name == null ? "" : name)
                .data("vertical", vertical == null ? "" : vertical).data("message", message == null ? "" : message)
                .data("problems", problems);
    }

    private Response notFound(ConsoleUser user, String what) {
        return Response.status(404).entity(notFound.data("user", user).data("what", what).render()).build();
    }
}
