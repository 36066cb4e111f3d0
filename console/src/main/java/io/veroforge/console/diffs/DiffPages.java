package io.veroforge.console.diffs;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.identity.SecurityIdentity;
import io.veroforge.api.v1alpha1.AppSpec;
import io.veroforge.api.v1alpha1.Generation;
import io.veroforge.api.v1alpha1.GitCommit;
import io.veroforge.console.access.ConsoleUser;
import io.veroforge.console.apps.AppDirectory;

/**
 * The diff viewer: {@code ?from=<generation>&to=<generation>} compares the generated code of two Generations (their
 * commits on {@code veroforge/generated}); {@code to=customer} compares a Generation's generated code with the tip of
 * the customer's branch (what the customer changed, and what the merge brought). {@code view=side-by-side} or
 * unified (the default). The app and both Generations are looked up as the user, so another company's diff is
 * Not found, whatever the URL says.
 */
@Path("/tenants/{tenant}/apps/{app}/diff")
@Produces(MediaType.TEXT_HTML)
public class DiffPages {
    static final String CUSTOMER = "customer";

    @Inject
    SecurityIdentity identity;
    @Inject
    AppDirectory directory;
    @Inject
    AppRepositoryMirror repositories;
    @Inject
    @Location("diff.html")
    Template page;
    @Inject
    @Location("not-found.html")
    Template notFound;

    @GET
    public Response diff(@PathParam("tenant") String tenant, @PathParam("app") String name, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("view") String view) {
        ConsoleUser user = ConsoleUser.of(identity);
        Optional<AppSpec> app = directory.app(user, tenant, name);
        if (app.isEmpty()) {
            return notFound(user, "app " + name + " of Tenant " + tenant);
        }
        List<String> generations = directory.generations(user, app.get()).stream().map(g -> g.getMetadata().getName()).toList();
        boolean sideBySide = "side-by-side".equals(view);
        var shown = page.data("user", user).data("tenant", tenant).data("app", name).data("generations", generations)
                .data("from", from == null ? "" : from).data("to", to == null ? "" : to).data("sideBySide", sideBySide);
        if (from == null || from.isBlank() || to == null || to.isBlank()) {
            return Response.ok(shown.data("diff", null).data("problem", "").render()).build();
        }
        Optional<Generation> older = directory.generation(user, tenant, name, from);
        Optional<Generation> newer = CUSTOMER.equals(to) ? older : directory.generation(user, tenant, name, to);
        if (older.isEmpty() || newer.isEmpty()) {
            return notFound(user, "Generation " + (older.isEmpty() ? from : to) + " of app " + name + " of Tenant " + tenant);
        }
        GitCommit fromCommit = commit(older.get());
        GitCommit toCommit = commit(newer.get());
        if (fromCommit == null || toCommit == null || fromCommit.getGeneratedSha() == null) {
            String missing = fromCommit == null || fromCommit.getGeneratedSha() == null ? from : to;
            return problem(shown, 409, "Generation " + missing + " has no commit yet (status.commit is empty until its Commit stage ran)");
        }
        String url = fromCommit.getRepository();
        try (Repository repository = repositories.fetched(user, app.get().getMetadata().getNamespace(), name, url)) {
            ObjectId a = ObjectId.fromString(fromCommit.getGeneratedSha());
            ObjectId b;
            String toLabel;
            if (CUSTOMER.equals(to)) {
                String branch = fromCommit.getBranch() == null ? "main" : fromCommit.getBranch();
                b = repository.resolve("refs/remotes/origin/" + branch);
                if (b == null) {
                    return problem(shown, 409, "the repository has no branch " + branch);
                }
                toLabel = "the tip of " + branch + " (" + b.abbreviate(10).name() + ")";
            } else if (toCommit.getGeneratedSha() == null) {
                return problem(shown, 409, "Generation " + to + " has no generated commit yet");
            } else {
                b = ObjectId.fromString(toCommit.getGeneratedSha());
                toLabel = to + " (" + b.abbreviate(10).name() + ")";
            }
            CodeDiff diff = CodeDiff.between(repository, a, b, from + " (" + a.abbreviate(10).name() + ")", toLabel);
            return Response.ok(shown.data("diff", diff).data("problem", "").render()).build();
        } catch (AppRepositoryMirror.RepositoryUnavailable unavailable) {
            return problem(shown, 503, unavailable.getMessage());
        } catch (IllegalArgumentException | IOException | java.io.UncheckedIOException unreadable) {
            return problem(shown, 409, "the commits recorded in status.commit cannot be read from " + url + ": " + unreadable.getMessage());
        }
    }

    private static GitCommit commit(Generation generation) {
        return generation.getStatus() == null ? null : generation.getStatus().getCommit();
    }

    private static Response problem(io.quarkus.qute.TemplateInstance shown, int status, String message) {
        return Response.status(status).entity(shown.data("diff", null).data("problem", message).render()).build();
    }

    private Response notFound(ConsoleUser user, String what) {
        return Response.status(404).entity(notFound.data("user", user).data("what", what).render()).build();
    }
}
