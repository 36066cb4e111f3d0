package io.veroforge.generator.input;

import java.util.List;

/** {@code entity} is an entity name or {@link #ALL_ENTITIES} ({@code "*"}, every entity of the app). */
public record PermissionInput(String entity, List<String> actions, Boolean ownRowsOnly) {
    public static final String ALL_ENTITIES = "*";

    public PermissionInput {
        actions = Lists.orEmpty(actions);
    }

    public boolean allEntities() {
        return ALL_ENTITIES.equals(entity);
    }
}
