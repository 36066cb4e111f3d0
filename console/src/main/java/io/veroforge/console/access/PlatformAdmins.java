package io.veroforge.console.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who runs the platform itself rather than a Tenant: the members of one group,
 * {@code veroforge.console.platform-admin-group} (default {@code veroforge-platform-admins}), as the identity provider
 * (or the local user store) reports groups. Only they decide on the intelligence engine's improvement proposals,
 * which change the templates every Tenant's apps are generated from.
 */
@ApplicationScoped
public class PlatformAdmins {
    private final String group;

    @Inject
    public PlatformAdmins(@ConfigProperty(name = "veroforge.console.platform-admin-group",
            defaultValue = "veroforge-platform-admins") String group) {
        this.group = group;
    }

    public boolean isAdmin(ConsoleUser user) {
        return user.groups().contains(group);
    }

    public String group() {
        return group;
    }
}
