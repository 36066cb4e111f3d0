package io.veroforge.generator.model;

/**
 * When a workflow runs: on an entity event, on a field change, or on a cron schedule.
 *
 * @param value    fieldChanged only: run only when {@code field} changes to this value; null = on any change
 * @param schedule five-field cron or {@code @hourly/@daily/@weekly/@monthly/@yearly}
 */
public record Trigger(TriggerType type, String entity, String field, String schedule, String value) {
}
