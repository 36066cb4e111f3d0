package io.veroforge.api.v1alpha1;

/**
 * When a migration step may run while two revisions of an app share its schema (a canary): before the
 * canary starts, after promotion, or at no moment both revisions survive.
 */
public enum MigrationPhase {
    /** Additive or loosening: the serving revision and the canary both work after it. Runs at Migrate. */
    Expand,
    /** Removes or tightens what only the old revision needs. Under a canary it runs after promotion (Verify). */
    Contract,
    /** Changes what both revisions use in a way only the new one understands: a plan with such a step cannot canary. */
    InPlace
}
