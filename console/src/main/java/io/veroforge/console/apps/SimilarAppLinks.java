package io.veroforge.console.apps;

import java.util.List;

import io.veroforge.api.v1alpha1.AppSpec;
import io.veroforge.api.v1alpha1.SimilarApp;

/**
 * The apps the operator found serving a similar business ({@code status.similarApps}), in its order (nearest first),
 * each as a link inside the same Tenant with the similarity as a whole percentage. Only what status says: the
 * operator compares within one namespace, so the console adds nothing and looks nothing up.
 */
public record SimilarAppLinks(List<Link> links) {

    public record Link(String name, String href, int percent) {
    }

    public static SimilarAppLinks of(String tenant, AppSpec app) {
        if (app.getStatus() == null || app.getStatus().getSimilarApps() == null) {
            return new SimilarAppLinks(List.of());
        }
        return new SimilarAppLinks(app.getStatus().getSimilarApps().stream()
                .filter(s -> s.getName() != null && !s.getName().isBlank())
                .map(s -> new Link(s.getName(), "/tenants/" + tenant + "/apps/" + s.getName(), percent(s)))
                .toList());
    }

    public boolean isEmpty() {
        return links.isEmpty();
    }

    private static int percent(SimilarApp similar) {
        return (int) Math.round(Math.max(0, Math.min(1, similar.getSimilarity())) * 100);
    }
}
