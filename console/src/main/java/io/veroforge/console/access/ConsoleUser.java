package io.veroforge.console.access;

import java.util.Set;
import java.util.TreeSet;

import io.quarkus.security.identity.SecurityIdentity;

/** Who is signed in: the name and groups the identity provider (or the local user store) reports. */
public record ConsoleUser(String name, Set<String> groups) {

    public static ConsoleUser of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            throw new IllegalStateException("no signed-in user; every console page except /login.html needs one");
        }
        // roles carry the groups: the local user store lists them as roles, OIDC maps its groups claim to roles
        return new ConsoleUser(identity.getPrincipal().getName(), new TreeSet<>(identity.getRoles()));
    }
}
