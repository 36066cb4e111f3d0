package io.veroforge.api.v1alpha1;

/** Where a rollout is. */
public enum CanaryPhase {
    Pending, Progressing, Promoted, RolledBack, Failed
}
