package io.veroforge.api.v1alpha1;

/** What starts a workflow. */
public enum TriggerType {
    /** A row of {@code entity} was created. */
    entityCreated,
    /** A row of {@code entity} was updated. */
    entityUpdated,
    /** {@code field} of a row of {@code entity} changed value. */
    fieldChanged,
    /** A cron {@code schedule}. */
    schedule
}
