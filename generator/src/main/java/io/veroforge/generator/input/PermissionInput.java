package io.veroforge.generator.input;

import java.util.List;

public record PermissionInput(String entity, List<String> actions, Boolean ownRowsOnly) {
    public PermissionInput {
        actions = Lists.orEmpty(actions);
    }
}
