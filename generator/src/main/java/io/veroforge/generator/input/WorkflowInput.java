package io.veroforge.generator.input;

import java.util.List;

public record WorkflowInput(String name, String description, TriggerInput trigger, List<ActionInput> actions) {
    public WorkflowInput {
        actions = Lists.orEmpty(actions);
    }
}
