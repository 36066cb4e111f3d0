package io.veroforge.api.v1alpha1;

/** What a workflow step does; each type uses a fixed subset of the action's parameters. */
public enum WorkflowActionType {
    /** E-mail {@code to} using {@code template} or {@code message}. */
    sendEmail,
    /** POST the triggering row as JSON to {@code url}. */
    callWebhook,
    /** Set {@code field} of the triggering row to {@code value}. */
    setField,
    /** Create a row of {@code entity}, copying fields of the same name from the triggering row. */
    createEntity,
    /** In-app notification with {@code message} to {@code to} (a role or the row's owner). */
    notify
}
