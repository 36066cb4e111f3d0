package io.veroforge.api.v1alpha1;

/** What deleting a resource does to the data behind it. */
public enum DeletionPolicy {
    /** Keep the data; disable access to it. */
    Retain,
    /** Drop the data. */
    Delete
}
