package io.veroforge.generator.model;

import java.util.List;

/**
 * A role of the app's users. Permissions are normalised: one entry per entity and
 * {@code ownRowsOnly} flag ({@code entity: "*"} in the AppSpec is expanded to every entity).
 *
 * @param description who has this role; may be null
 */
public record Role(String name, List<Permission> permissions, Origin origin, String path, String description) {
    public Role {
        permissions = List.copyOf(permissions);
    }
}
