package io.veroforge.generator.model;

import java.util.List;

public record Workflow(String name, Trigger trigger, List<Action> actions, Origin origin, String path) {
    public Workflow {
        actions = List.copyOf(actions);
    }
}
