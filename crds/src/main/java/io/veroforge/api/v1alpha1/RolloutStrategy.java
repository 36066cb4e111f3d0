package io.veroforge.api.v1alpha1;

/** How a new revision replaces the running one. */
public enum RolloutStrategy {
    /** A rolling update of the Deployment. */
    direct,
    /** Progressive traffic shifting gated by KPIs (a Canary resource). */
    canary
}
