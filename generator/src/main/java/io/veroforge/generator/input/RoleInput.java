package io.veroforge.generator.input;

import java.util.List;

public record RoleInput(String name, String description, List<PermissionInput> permissions) {
    public RoleInput {
        permissions = Lists.orEmpty(permissions);
    }
}
