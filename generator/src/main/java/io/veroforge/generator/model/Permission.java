package io.veroforge.generator.model;

import java.util.List;

/**
 * What a role may do with one entity; {@code ownRowsOnly} limits it to rows the user owns (RLS on
 * the owner column). A role has at most one permission per entity and flag.
 *
 * @param path the AppSpec path it was written at ({@code roles[0].permissions[1]}), or null when derived
 */
public record Permission(String entity, List<CrudAction> actions, boolean ownRowsOnly, String path) {
    public Permission {
        actions = actions.stream().distinct().sorted().toList();
    }

    public Permission(String entity, List<CrudAction> actions, boolean ownRowsOnly) {
        this(entity, actions, ownRowsOnly, null);
    }
}
