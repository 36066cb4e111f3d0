package io.veroforge.operator.delivery;

import io.veroforge.api.v1alpha1.AppSpec;

/**
 * Names of the objects an app gets in ArgoCD's namespace, which all tenants share: the
 * Application {@code <namespace>.<app>} and its repository Secret {@code repo-<namespace>.<app>}.
 * Namespaces and AppSpec names are DNS labels, which have no {@code .}, so no two apps share a
 * name; the names used before ({@code <namespace>-<app>}) could: namespace {@code tenant-acme}
 * with app {@code studio-x} and namespace {@code tenant-acme-studio} with app {@code x}. An object
 * under its old name is still used when it is recognisably the app's (never renamed by the
 * operator), and never when it is another app's.
 */
public final class ArgoCdNames {
    private ArgoCdNames() {
    }

    public static String application(AppSpec app) {
        return app.getMetadata().getNamespace() + "." + app.getMetadata().getName();
    }

    static String legacyApplication(AppSpec app) {
        return app.getMetadata().getNamespace() + "-" + app.getMetadata().getName();
    }

    static String repositorySecret(AppSpec app) {
        return "repo-" + application(app);
    }

    static String legacyRepositorySecret(AppSpec app) {
        return "repo-" + legacyApplication(app);
    }
}
