package io.veroforge.generator.model;

/** When a workflow runs: on an entity event, on a field change, or on a cron schedule. */
public record Trigger(TriggerType type, String entity, String field, String schedule) {
}
