package io.veroforge.generator.model;

import java.util.List;

/**
 * An automation: when the trigger fires, the actions run in order.
 *
 * @param name        kebab-case, as in the AppSpec ({@code confirm-visit})
 * @param description what the workflow is for; may be null
 */
public record Workflow(String name, Trigger trigger, List<Action> actions, Origin origin, String path, String description) {
    public Workflow {
        actions = List.copyOf(actions);
    }

    /** The name as a TypeScript identifier: {@code confirm-visit → confirmVisit}. */
    public String functionName() {
        return Inflector.camel(name);
    }
}
