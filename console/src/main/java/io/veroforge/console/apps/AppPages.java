package io.veroforge.console.apps;

import java.net.URI;
import java.util.List;

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
import io.veroforge.api.v1alpha1.AppSpec;
import io.veroforge.console.access.ConsoleUser;
import io.veroforge.console.writes.DraftRefused;
import io.veroforge.console.writes.DryRunWrites;
import io.veroforge.console.writes.FieldProblem;
import io.veroforge.console.writes.YamlInput;
import io.veroforge.console.writes.YamlInput.UnreadableYaml;

/** A Tenant's apps: the list, one AppSpec with its problems and Generations, and the new-app form with dry-run. */
@Path("/tenants/{tenant}/apps")
@Produces(MediaType.TEXT_HTML)
public class AppPages {
    @Inject
    SecurityIdentity identity;
    @Inject
    AppDirectory directory;
    @Inject
    DryRunWrites writes;
    @Inject
    @Location("apps.html")
    Template list;
    @Inject
    @Location("app.html")
    Template detail;
    @Inject
    @Location("app-new.html")
    Template form;
    @Inject
    @Location("not-found.html")
    Template notFound;

    @GET
    public Response list(@PathParam("tenant") String tenant) {
        ConsoleUser user = ConsoleUser.of(identity);
        return directory.apps(user, tenant)
                .map(apps -> Response.ok(list.data("user", user).data("tenant", tenant)
                        .data("apps", apps.stream().map(a -> AppSummary.of(tenant, a)).toList()).render()))
                .orElseGet(() -> notFound(user, "Tenant " + tenant)).build();
    }

    @GET
    @Path("/new")
    public Response newApp(@PathParam("tenant") String tenant) {
        ConsoleUser user = ConsoleUser.of(identity);
        var owned = directory.tenant(user, tenant);
        if (owned.isEmpty()) {
            return notFound(user, "Tenant " + tenant).build();
        }
        AppDraft draft = new AppDraft("", "", "", "", "auto-unless-risky");
        return Response.ok(renderForm(user, tenant, draft, draft.yaml(owned.get().namespaceName()), List.of(), false)).build();
    }

    /** Preview (dry-run) or create, from the form fields or, when {@code source=yaml}, from the edited YAML. */
    @POST
    @Path("/new")
    public Response submit(@PathParam("tenant") String tenant, @FormParam("action") String action,
            @FormParam("source") String source, @FormParam("yaml") String yaml, @FormParam("name") String name,
            @FormParam("vertical") String vertical, @FormParam("requirements") String requirements,
            @FormParam("entities") String entities, @FormParam("approvalPolicy") String approvalPolicy) {
        ConsoleUser user = ConsoleUser.of(identity);
        var owned = directory.tenant(user, tenant);
        if (owned.isEmpty()) {
            return notFound(user, "Tenant " + tenant).build();
        }
        String namespace = owned.get().namespaceName();
        AppDraft draft = new AppDraft(name, vertical, requirements, entities, approvalPolicy);
        AppSpec app;
        String shownYaml;
        try {
            if ("yaml".equals(source)) {
                app = YamlInput.parse(yaml, AppSpec.class);
                draft = AppDraft.of(app);
                shownYaml = yaml;
            } else {
                app = draft.toAppSpec(namespace);
                shownYaml = draft.yaml(namespace);
            }
        } catch (DraftRefused refused) {
            return Response.status(422).entity(renderForm(user, tenant, draft, yaml == null ? "" : yaml,
                    List.of(refused.problem()), false)).build();
        } catch (UnreadableYaml unreadable) {
            return Response.status(422).entity(renderForm(user, tenant, draft, yaml,
                    List.of(new FieldProblem("yaml", unreadable.getMessage())), false)).build();
        }
        String asked = app.getMetadata().getNamespace();
        if (asked != null && !asked.isBlank() && !asked.equals(namespace)) {
            return Response.status(422).entity(renderForm(user, tenant, draft, shownYaml, List.of(new FieldProblem(
                    "metadata.namespace", "an app of Tenant " + tenant + " lives in " + namespace
                            + "; set it to " + namespace + " or leave it out")), false)).build();
        }
        app.getMetadata().setNamespace(namespace);
        boolean create = "create".equals(action);
        List<FieldProblem> problems = create ? writes.create(user, app) : writes.dryRun(user, app);
        if (create && problems.isEmpty()) {
            return Response.seeOther(URI.create("/tenants/" + tenant + "/apps/" + app.getMetadata().getName())).build();
        }
        return Response.status(problems.isEmpty() ? 200 : 422)
                .entity(renderForm(user, tenant, draft, shownYaml, problems, problems.isEmpty())).build();
    }

    @GET
    @Path("/{app}")
    public Response app(@PathParam("tenant") String tenant, @PathParam("app") String name) {
        ConsoleUser user = ConsoleUser.of(identity);
        var app = directory.app(user, tenant, name);
        if (app.isEmpty()) {
            return notFound(user, "app " + name + " of Tenant " + tenant).build();
        }
        var recorded = directory.generations(user, app.get());
        var generations = recorded.stream().map(g -> GenerationView.of(tenant, name, g)).toList();
        return Response.ok(detail.data("user", user).data("tenant", tenant).data("app", AppSummary.of(tenant, app.get()))
                .data("problems", AppSpecProblems.of(app.get())).data("generations", generations)
                .data("similar", SimilarAppLinks.of(tenant, app.get()))
                .data("diagram", ModelDiagram.of(recorded.isEmpty() ? null : recorded.get(0)))
                .data("yaml", AppDraft.yaml(withoutStatus(app.get()))).render()).build();
    }

    private Response.ResponseBuilder notFound(ConsoleUser user, String what) {
        return Response.status(404).entity(notFound.data("user", user).data("what", what).render());
    }

    private String renderForm(ConsoleUser user, String tenant, AppDraft draft, String yaml, List<FieldProblem> problems,
            boolean accepted) {
        return form.data("user", user).data("tenant", tenant).data("draft", draft).data("yaml", yaml)
                .data("problems", problems).data("accepted", accepted).data("policies", AppDraft.policies()).render();
    }

    /** The spec as written, without status or server-kept metadata, so the YAML shown is what its author applies. */
    private static AppSpec withoutStatus(AppSpec stored) {
        AppSpec shown = new AppSpec();
        shown.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName(stored.getMetadata().getName())
                .withNamespace(stored.getMetadata().getNamespace()).withLabels(stored.getMetadata().getLabels()).build());
        shown.setSpec(stored.getSpec());
        return shown;
    }
}
