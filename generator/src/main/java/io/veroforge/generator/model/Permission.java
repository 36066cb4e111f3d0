package io.veroforge.generator.model;

import java.util.List;

/** What a role may do with one entity; {@code ownRowsOnly} limits it to rows the user owns (RLS on the owner column). */
public record Permission(String entity, List<CrudAction> actions, boolean ownRowsOnly) {
    public Permission {
        actions = actions.stream().distinct().sorted().toList();
    }
}
