package io.veroforge.generator.model;

import java.util.List;

public record Role(String name, List<Permission> permissions, Origin origin, String path) {
    public Role {
        permissions = List.copyOf(permissions);
    }
}
