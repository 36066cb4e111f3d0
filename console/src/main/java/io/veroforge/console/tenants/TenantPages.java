package io.veroforge.console.tenants;

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
import io.veroforge.api.v1alpha1.Tenant;
import io.veroforge.console.access.ConsoleUser;
import io.veroforge.console.writes.DraftRefused;
import io.veroforge.console.writes.FieldProblem;
import io.veroforge.console.writes.YamlInput.UnreadableYaml;

/** The Tenant pages: the list, one Tenant with its live status and deletion, and the create form with dry-run. */
@Path("/tenants")
@Produces(MediaType.TEXT_HTML)
public class TenantPages {
    @Inject
    SecurityIdentity identity;
    @Inject
    TenantDirectory directory;
    @Inject
    TenantWrites writes;
    @Inject
    @Location("tenants.html")
    Template list;
    @Inject
    @Location("tenant.html")
    Template detail;
    @Inject
    @Location("tenant-new.html")
    Template form;
    @Inject
    @Location("not-found.html")
    Template notFound;

    @GET
    public String list() {
        ConsoleUser user = ConsoleUser.of(identity);
        List<TenantSummary> tenants = directory.visibleTo(user).stream().map(TenantSummary::of).toList();
        return list.data("user", user).data("tenants", tenants).render();
    }

    @GET
    @Path("/new")
    public String newTenant() {
        ConsoleUser user = ConsoleUser.of(identity);
        TenantDraft draft = new TenantDraft("", "", "basic", user.name(), "", "Retain", "");
        return renderForm(user, draft, draft.yaml(), List.of(), false);
    }

    /** Preview (dry-run) or create, from the form fields or, when {@code source=yaml}, from the edited YAML. */
    @POST
    @Path("/new")
    public Response submit(@FormParam("action") String action, @FormParam("source") String source,
            @FormParam("yaml") String yaml, @FormParam("name") String name, @FormParam("displayName") String displayName,
            @FormParam("tier") String tier, @FormParam("ownerUser") String ownerUser,
            @FormParam("ownerGroup") String ownerGroup, @FormParam("deletionPolicy") String deletionPolicy,
            @FormParam("ttl") String ttl) {
        ConsoleUser user = ConsoleUser.of(identity);
        TenantDraft draft = new TenantDraft(name, displayName, tier, ownerUser, ownerGroup, deletionPolicy, ttl);
        Tenant tenant;
        String shownYaml;
        try {
            if ("yaml".equals(source)) {
                tenant = TenantYamlInput.parse(yaml);
                draft = TenantDraft.of(tenant);
                shownYaml = yaml;
            } else {
                tenant = draft.toTenant();
                shownYaml = draft.yaml();
            }
        } catch (DraftRefused refused) {
            return Response.status(422).entity(renderForm(user, draft, yaml == null ? "" : yaml,
                    List.of(refused.problem()), false)).build();
        } catch (UnreadableYaml unreadable) {
            return Response.status(422).entity(renderForm(user, draft, yaml,
                    List.of(new FieldProblem("yaml", unreadable.getMessage())), false)).build();
        }
        boolean create = "create".equals(action);
        List<FieldProblem> problems = create ? writes.create(user, tenant) : writes.dryRun(user, tenant);
        if (create && problems.isEmpty()) {
            return Response.seeOther(URI.create("/tenants/" + tenant.getMetadata().getName())).build();
        }
        return Response.status(problems.isEmpty() ? 200 : 422)
                .entity(renderForm(user, draft, shownYaml, problems, problems.isEmpty())).build();
    }

    @GET
    @Path("/{name}")
    public Response tenant(@PathParam("name") String name) {
        ConsoleUser user = ConsoleUser.of(identity);
        return directory.find(user, name)
                .map(t -> Response.ok(detail.data("user", user).data("tenant", TenantSummary.of(t))
                        .data("deletion", DeletionConsequences.of(t)).render()))
                .orElseGet(() -> Response.status(404).entity(notFound.data("user", user).data("what", "Tenant " + name).render()))
                .build();
    }

    /** Deletes only when the user typed the Tenant's name, having been shown what the policy keeps and drops. */
    @POST
    @Path("/{name}/delete")
    public Response delete(@PathParam("name") String name, @FormParam("confirm") String confirm) {
        ConsoleUser user = ConsoleUser.of(identity);
        var tenant = directory.find(user, name);
        if (tenant.isEmpty()) {
            return Response.status(404).entity(notFound.data("user", user).data("what", "Tenant " + name).render()).build();
        }
        if (!name.equals(confirm)) {
            return Response.status(422).entity(detail.data("user", user).data("tenant", TenantSummary.of(tenant.get()))
                    .data("deletion", DeletionConsequences.of(tenant.get()))
                    .data("deleteProblem", "confirm: type the Tenant's name (" + name + ") to delete it").render()).build();
        }
        writes.delete(user, tenant.get());
        return Response.seeOther(URI.create("/tenants")).build();
    }

    private String renderForm(ConsoleUser user, TenantDraft draft, String yaml, List<FieldProblem> problems,
            boolean accepted) {
        return form.data("user", user).data("draft", draft).data("yaml", yaml).data("problems", problems)
                .data("accepted", accepted)
                .data("tiers", java.util.Arrays.stream(io.veroforge.api.v1alpha1.Tier.values()).map(Enum::name).toList())
                .data("policies", java.util.Arrays.stream(io.veroforge.api.v1alpha1.DeletionPolicy.values()).map(Enum::name).toList())
                .render();
    }
}
