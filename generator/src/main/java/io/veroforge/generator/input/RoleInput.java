package io.veroforge.generator.input;

import java.util.List;

public record RoleInput(String name, List<PermissionInput> permissions) {
    public RoleInput {
        permissions = Lists.orEmpty(permissions);
    }
}
