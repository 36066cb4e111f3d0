package io.veroforge.operator.app;

import java.util.List;
import java.util.regex.Pattern;

import io.veroforge.api.v1alpha1.AppSpec;

/**
 * The CRD's name rules for an AppSpec, made again by the operator: the name becomes Generation,
 * Deployment, repository and database object names, and an API server that did not enforce the
 * CRD (an older one, a test API) would let {@code H35App} through to fail there, on every retry.
 */
final class AppSpecNameProblems {
    private static final Pattern NAME = Pattern.compile("[a-z]([a-z0-9-]*[a-z0-9])?");
    private static final int MAX_NAME = 40;

    private AppSpecNameProblems() {
    }

    static List<String> of(AppSpec appSpec) {
        String name = appSpec.getMetadata().getName();
        if (name == null || !NAME.matcher(name).matches()) {
            return List.of("metadata.name: \"" + name + "\" must be lower-case letters, digits and '-', starting with a letter"
                    + " and ending with a letter or digit (e.g. pest-control)");
        }
        if (name.length() > MAX_NAME) {
            return List.of("metadata.name: " + name.length() + " characters; at most " + MAX_NAME
                    + " so that the names of the app's Deployment, repository and database objects stay within limits");
        }
        return List.of();
    }
}
